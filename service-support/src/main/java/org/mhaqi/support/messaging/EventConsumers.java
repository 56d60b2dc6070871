package org.mhaqi.support.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventTypes;
import org.mhaqi.events.EventTypes.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds idempotent event consumers for Spring Cloud Stream bindings in batch mode:
 *
 * <pre>{@code
 * @Bean
 * Consumer<Message<List<byte[]>>> enrollmentEvents(EventConsumers consumers, Handler handler) {
 *   return consumers.consumer("coaching-service")
 *       .on(ServiceEnrolled.class, handler::enrolled)
 *       .build();
 * }
 * }</pre>
 *
 * with {@code spring.cloud.stream.bindings.<binding>.consumer.batch-mode=true} (the listener
 * container refuses a binding without it, see {@link ConsumerErrorHandling}).
 *
 * <p>Each message of a poll is read as a CloudEvents envelope; in ONE transaction all of them are
 * marked processed for the consumer (one statement) and, the first time only, handed in order to
 * the handler of their type. Types without a handler are marked and skipped; an id seen before, in
 * an earlier batch or earlier in this one, is skipped as a duplicate. After each event the {@link
 * EventIsolation} lets the next see the database as if it had a transaction of its own.
 *
 * <p>Failures stay per event. A message that can never be read (no envelope, a schema version
 * neither the one compiled against nor one the contract still reads ({@code
 * EventContract#stillReads}), a payload that is not the type's JSON) fails with {@link
 * PoisonEventException} before any transaction: the messages before it are applied together, and it
 * is reported to the listener container as the batch's failed record. When the batch's transaction
 * fails, it is rolled back and the same messages are applied again, one transaction each, until one
 * fails: the container is then told its index ({@link BatchListenerFailedException}) and commits
 * the offsets before it, and retries or dead-letters that one message as {@link
 * ConsumerRetryPolicy} says. Payloads are read leniently: unknown fields are ignored, since a
 * compatible change adds them.
 *
 * <p>{@code events.consumer.handling} times one event's handler and its isolation step, inside the
 * transaction and without the commit, which a batch shares; {@code events.consumer.batch} times a
 * batch's transaction from its start to its commit, marks and commit included.
 */
public class EventConsumers {

  private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

  private final JsonMapper json;
  private final TransactionTemplate transactions;
  private final ProcessedEvents processed;
  private final MeterRegistry meters;
  private final EventIsolation isolation;
  private final ObservationRegistry observations;

  public EventConsumers(
      JsonMapper json,
      TransactionTemplate transactions,
      ProcessedEvents processed,
      MeterRegistry meters,
      EventIsolation isolation) {
    this(json, transactions, processed, meters, isolation, ObservationRegistry.NOOP);
  }

  /**
   * @param observations each event's handler runs in an observation continuing the trace of its
   *     record ({@code traceparent}), so its logs and the events it publishes carry that trace
   */
  public EventConsumers(
      JsonMapper json,
      TransactionTemplate transactions,
      ProcessedEvents processed,
      MeterRegistry meters,
      EventIsolation isolation,
      ObservationRegistry observations) {
    this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    this.transactions = transactions;
    this.processed = processed;
    this.meters = meters;
    this.isolation = isolation;
    this.observations = observations;
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

    /**
     * Handles events of the given contract type, at the schema version compiled against and the
     * earlier versions its contract still reads.
     */
    public <T extends DomainEvent> Builder on(Class<T> payloadType, EventHandler<T> handler) {
      EventType type = EventTypes.of(payloadType);
      routes.put(type.name(), new Route<>(type, payloadType, handler));
      return this;
    }

    /** The consumer of a batch-mode binding: the records of one poll, in their order. */
    public Consumer<Message<List<byte[]>>> build() {
      return new Dispatcher(name, Map.copyOf(routes));
    }
  }

  private record Route<T extends DomainEvent>(
      EventType type, Class<T> payloadType, EventHandler<T> handler) {

    void apply(Object payload, EventEnvelope envelope) {
      handler.handle(payloadType.cast(payload), envelope);
    }
  }

  /** A message read and parsed, ready to apply; route and payload are null for a skipped type. */
  private record Readable(
      EventEnvelope envelope,
      MessageHeaders headers,
      Route<?> route,
      Object payload,
      String typeTag) {}

  /** What became of an event in a transaction that committed. */
  private record Outcome(Readable event, String outcome) {}

  private final class Dispatcher implements Consumer<Message<List<byte[]>>> {

    private final String name;
    private final Map<String, Route<?>> routes;
    private final Timer handling;
    private final Timer batches;

    Dispatcher(String name, Map<String, Route<?>> routes) {
      this.name = name;
      this.routes = routes;
      this.handling =
          Timer.builder("events.consumer.handling")
              .description(
                  "Time to apply one consumed event inside its batch's transaction, commit excluded")
              .tag("consumer", name)
              .publishPercentileHistogram()
              .register(meters);
      this.batches =
          Timer.builder("events.consumer.batch")
              .description("Time of one transaction applying a batch of events, commit included")
              .tag("consumer", name)
              .publishPercentileHistogram()
              .register(meters);
      // At 0 from the start for every type handled, so that a dashboard panel shows a rate of 0,
      // not "No data", until the first event of a type arrives.
      for (Route<?> route : routes.values()) {
        for (String outcome : new String[] {"applied", "duplicate", "poison"}) {
          consumed(route.type().name(), outcome);
        }
      }
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
      List<Message<byte[]>> messages = ConsumedBatch.messages(batch);
      List<Readable> readable = new ArrayList<>(messages.size());
      RuntimeException unreadable = null;
      for (Message<byte[]> message : messages) {
        try {
          readable.add(read(message));
        } catch (RuntimeException e) {
          unreadable = e;
          break;
        }
      }
      if (!readable.isEmpty()) {
        applyTogetherOrOneByOne(readable);
      }
      if (unreadable != null) {
        throw new BatchListenerFailedException(
            "Unreadable message in a batch of " + name, unreadable, readable.size());
      }
    }

    private Readable read(Message<byte[]> message) {
      EventEnvelope envelope;
      try {
        envelope = EventEnvelope.of(message);
      } catch (PoisonEventException e) {
        count("unknown", "poison");
        throw e;
      }
      Route<?> route = routes.get(envelope.type());
      String typeTag = EventTypes.byName(envelope.type()).map(EventType::name).orElse("unknown");
      if (route == null) {
        return new Readable(envelope, message.getHeaders(), null, null, typeTag);
      }
      try {
        return new Readable(envelope, message.getHeaders(), route, parse(route, envelope), typeTag);
      } catch (PoisonEventException e) {
        count(typeTag, "poison");
        throw e;
      }
    }

    /**
     * Applies the events in one transaction; if it fails, in one transaction each, so that the
     * first that fails on its own is the one the container retries or dead-letters.
     */
    private void applyTogetherOrOneByOne(List<Readable> events) {
      List<Outcome> outcomes;
      try {
        outcomes = batches.record(() -> inTransaction(() -> apply(events)));
      } catch (RuntimeException e) {
        if (events.size() == 1) {
          throw new BatchListenerFailedException("Failed to apply an event of " + name, e, 0);
        }
        log.warn(
            "A batch of {} events of {} failed and was rolled back; applying them one by one: {}",
            events.size(),
            name,
            ConsumerErrorHandling.reason(e));
        applyOneByOne(events);
        return;
      }
      report(outcomes);
    }

    private void applyOneByOne(List<Readable> events) {
      for (int index = 0; index < events.size(); index++) {
        List<Readable> one = List.of(events.get(index));
        List<Outcome> outcomes;
        try {
          outcomes = inTransaction(() -> apply(one));
        } catch (RuntimeException e) {
          throw new BatchListenerFailedException("Failed to apply an event of " + name, e, index);
        }
        report(outcomes);
      }
    }

    /**
     * Runs the work in a transaction, as {@link TransactionTemplate} would, but tells a failed
     * commit ({@link CommitFailedException}: its outcome is unknown) and a failed rollback ({@link
     * RollbackFailedException}: the connection is gone) from a failure of the work itself, so that
     * neither is ever taken for the events' fault.
     */
    private <T> T inTransaction(Supplier<T> work) {
      PlatformTransactionManager manager = transactions.getTransactionManager();
      TransactionStatus status = manager.getTransaction(transactions);
      T result;
      try {
        result = work.get();
      } catch (RuntimeException | Error failure) {
        try {
          manager.rollback(status);
        } catch (RuntimeException rollbackFailure) {
          throw new RollbackFailedException(name, failure, rollbackFailure);
        }
        throw failure;
      }
      try {
        manager.commit(status);
      } catch (RuntimeException commitFailure) {
        throw new CommitFailedException(name, commitFailure);
      }
      return result;
    }

    /** Inside the transaction: marks the events and applies those marked for the first time. */
    private List<Outcome> apply(List<Readable> events) {
      List<ProcessedEvents.Mark> marks = new ArrayList<>(events.size());
      for (Readable event : events) {
        marks.add(new ProcessedEvents.Mark(event.envelope().id(), event.envelope().type()));
      }
      Set<UUID> firstTime = new HashSet<>(processed.markProcessed(marks, name));
      List<Outcome> outcomes = new ArrayList<>(events.size());
      for (Readable event : events) {
        EventEnvelope envelope = event.envelope();
        boolean first = firstTime.remove(envelope.id());
        if (event.route() == null) {
          outcomes.add(new Outcome(event, "skipped"));
        } else if (!first) {
          outcomes.add(new Outcome(event, "duplicate"));
        } else {
          MDC.put("eventId", envelope.id().toString());
          try {
            continuingTraceOf(event)
                .observe(
                    () ->
                        handling.record(
                            () -> {
                              // In the record's trace: the first line of its handling that says so.
                              log.debug("Handling {}", envelope);
                              event.route().apply(event.payload(), envelope);
                              isolation.afterEvent();
                            }));
          } finally {
            MDC.remove("eventId");
          }
          outcomes.add(new Outcome(event, "applied"));
        }
      }
      return outcomes;
    }

    /** Counts and logs what a committed transaction did. */
    private void report(List<Outcome> outcomes) {
      for (Outcome outcome : outcomes) {
        Readable event = outcome.event();
        switch (outcome.outcome()) {
          case "applied" -> log.debug("Applied {}", event.envelope());
          case "skipped" ->
              log.debug("Skipped {}: {} does not handle the type", event.envelope(), name);
          default -> log.info("Skipped {}: already processed by {}", event.envelope(), name);
        }
        count(event.typeTag(), outcome.outcome());
      }
    }

    /**
     * An observation whose parent is the trace of the event's record: a batch shares one poll, so
     * the container cannot continue each record's trace; this does it per event.
     */
    private Observation continuingTraceOf(Readable event) {
      ReceiverContext<MessageHeaders> context = new ReceiverContext<>(EventEnvelope::header);
      context.setCarrier(event.headers());
      context.setRemoteServiceName("kafka");
      return Observation.createNotStarted("events.consumer.event", () -> context, observations)
          .contextualName(name + " " + event.envelope().type())
          .lowCardinalityKeyValue("consumer", name)
          .lowCardinalityKeyValue("type", event.typeTag());
    }

    private Object parse(Route<?> route, EventEnvelope envelope) {
      if (!route.type().reads(envelope.schemaVersion())) {
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
      consumed(type, outcome).increment();
    }

    private Counter consumed(String type, String outcome) {
      return Counter.builder("events.consumed")
          .description("Consumed events by type and outcome (applied, duplicate, skipped, poison)")
          .tag("consumer", name)
          .tag("type", type)
          .tag("outcome", outcome)
          .register(meters);
    }
  }
}
