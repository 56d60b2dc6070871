package org.mhaqi.support.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventTypes;
import org.mhaqi.events.EventTypes.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds idempotent event consumers for Spring Cloud Stream bindings:
 *
 * <pre>{@code
 * @Bean
 * Consumer<Message<byte[]>> enrollmentEvents(EventConsumers consumers, Handler handler) {
 *   return consumers.consumer("coaching-service")
 *       .on(ServiceEnrolled.class, handler::enrolled)
 *       .build();
 * }
 * }</pre>
 *
 * Each message is read as a CloudEvents envelope; in one transaction the event is marked processed
 * for the consumer and, the first time only, handed to the handler of its type. Types without a
 * handler are marked and skipped. A message that can never be applied (no envelope, a schema
 * version other than the one compiled against, a payload that is not the type's JSON) fails with
 * {@link PoisonEventException}, which the binding sends to its dead-letter topic without retrying.
 * Payloads are read leniently: unknown fields are ignored, since a compatible change adds them.
 */
public class EventConsumers {

  private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

  private final JsonMapper json;
  private final TransactionTemplate transactions;
  private final ProcessedEvents processed;
  private final MeterRegistry meters;

  public EventConsumers(
      JsonMapper json,
      TransactionTemplate transactions,
      ProcessedEvents processed,
      MeterRegistry meters) {
    this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    this.transactions = transactions;
    this.processed = processed;
    this.meters = meters;
  }

  /**
   * Starts a consumer.
   *
   * @param name the consumer's name in {@code processed_event}; usually the consumer group
   */
  public Builder consumer(String name) {
    return new Builder(name);
  }

  /** Collects the handlers of one consumer. */
  public final class Builder {

    private final String name;
    private final Map<String, Route<?>> routes = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Handles events of the given contract type, at the schema version compiled against. */
    public <T extends DomainEvent> Builder on(Class<T> payloadType, EventHandler<T> handler) {
      EventType type = EventTypes.of(payloadType);
      routes.put(type.name(), new Route<>(type, payloadType, handler));
      return this;
    }

    public Consumer<Message<byte[]>> build() {
      return new Dispatcher(name, Map.copyOf(routes));
    }
  }

  private record Route<T extends DomainEvent>(
      EventType type, Class<T> payloadType, EventHandler<T> handler) {

    void apply(Object payload, EventEnvelope envelope) {
      handler.handle(payloadType.cast(payload), envelope);
    }
  }

  private final class Dispatcher implements Consumer<Message<byte[]>> {

    private final String name;
    private final Map<String, Route<?>> routes;
    private final Timer handling;

    Dispatcher(String name, Map<String, Route<?>> routes) {
      this.name = name;
      this.routes = routes;
      this.handling =
          Timer.builder("events.consumer.handling")
              .description("Time to apply one consumed event, transaction included")
              .tag("consumer", name)
              .publishPercentileHistogram()
              .register(meters);
    }

    @Override
    public void accept(Message<byte[]> message) {
      EventEnvelope envelope;
      try {
        envelope = EventEnvelope.of(message);
      } catch (PoisonEventException e) {
        count("unknown", "poison");
        throw e;
      }
      MDC.put("eventId", envelope.id().toString());
      try {
        handling.record(() -> dispatch(envelope));
      } finally {
        MDC.remove("eventId");
      }
    }

    private void dispatch(EventEnvelope envelope) {
      Route<?> route = routes.get(envelope.type());
      String typeTag = EventTypes.byName(envelope.type()).map(EventType::name).orElse("unknown");
      if (route == null) {
        transactions.executeWithoutResult(
            status -> processed.markProcessed(envelope.id(), name, envelope.type()));
        log.debug("Skipped {}: {} does not handle the type", envelope, name);
        count(typeTag, "skipped");
        return;
      }
      Object payload;
      try {
        payload = parse(route, envelope);
      } catch (PoisonEventException e) {
        count(typeTag, "poison");
        throw e;
      }
      Boolean applied =
          transactions.execute(
              status -> {
                if (!processed.markProcessed(envelope.id(), name, envelope.type())) {
                  return false;
                }
                route.apply(payload, envelope);
                return true;
              });
      if (Boolean.TRUE.equals(applied)) {
        log.debug("Applied {}", envelope);
        count(typeTag, "applied");
      } else {
        log.info("Skipped {}: already processed by {}", envelope, name);
        count(typeTag, "duplicate");
      }
    }

    private Object parse(Route<?> route, EventEnvelope envelope) {
      if (envelope.schemaVersion() != route.type().schemaVersion()) {
        throw new PoisonEventException(
            "Unknown schema version "
                + envelope.schemaVersion()
                + " of "
                + envelope.type()
                + " "
                + envelope.id()
                + "; "
                + name
                + " reads version "
                + route.type().schemaVersion());
      }
      if (envelope.payload() == null || envelope.payload().length == 0) {
        throw new PoisonEventException("Empty payload of " + envelope);
      }
      Object payload;
      try {
        payload = json.readValue(envelope.payload(), route.payloadType());
      } catch (JacksonException e) {
        throw new PoisonEventException(
            "Unparseable payload of "
                + envelope
                + ": "
                + e.getOriginalMessage()
                + missingRequired(route.payloadType(), envelope.payload()),
            e);
      }
      if (payload == null) {
        throw new PoisonEventException("Payload of " + envelope + " is JSON null");
      }
      return payload;
    }

    /**
     * Names the ids and lists the payload lacks (absent or JSON null), which a contract record
     * cannot be built without; empty when none is missing or the payload is not a JSON object.
     */
    private String missingRequired(Class<?> payloadType, byte[] payload) {
      if (!payloadType.isRecord()) {
        return "";
      }
      JsonNode tree;
      try {
        tree = json.readTree(payload);
      } catch (JacksonException e) {
        return "";
      }
      if (tree == null || !tree.isObject()) {
        return "";
      }
      List<String> missing = new ArrayList<>();
      for (RecordComponent component : payloadType.getRecordComponents()) {
        boolean required =
            component.getType() == UUID.class
                || Collection.class.isAssignableFrom(component.getType());
        JsonNode value = tree.get(component.getName());
        if (required && (value == null || value.isNull())) {
          missing.add(component.getName());
        }
      }
      return missing.isEmpty() ? "" : "; missing or null: " + String.join(", ", missing);
    }

    private void count(String type, String outcome) {
      Counter.builder("events.consumed")
          .description("Consumed events by type and outcome (applied, duplicate, skipped, poison)")
          .tag("consumer", name)
          .tag("type", type)
          .tag("outcome", outcome)
          .register(meters)
          .increment();
    }
  }
}
