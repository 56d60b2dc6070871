package org.mhaqi.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventTypes;
import org.mhaqi.events.EventTypes.EventType;
import org.mhaqi.local.KafkaSecurity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes events to the test broker exactly as a service's outbox relay does: the JSON record as
 * the value, its subject as the key, the CloudEvents attributes as {@code ce_*} headers. Also
 * builds records with chosen headers or raw values, for poison-message tests.
 */
public final class CloudEventProducer implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private final JsonMapper json;
  private final String source;

  /**
   * @param json the mapper the producing service would use (its auto-configured one)
   * @param source the producing service's name, e.g. {@code enrollment-service}
   */
  public CloudEventProducer(String bootstrapServers, JsonMapper json, String source) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers);
    props.putAll(KafkaSecurity.clientConfig(KafkaSecurity.ADMIN));
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", ByteArraySerializer.class.getName());
    props.put("acks", "all");
    props.put("enable.idempotence", "true");
    this.producer = new KafkaProducer<>(props);
    this.json = json;
    this.source = "/mhaqi/" + source;
  }

  /** Publishes the event with a fresh id and waits for the broker; returns the id. */
  public UUID send(DomainEvent event) {
    UUID id = UUID.randomUUID();
    send(record(event, id));
    return id;
  }

  /** Publishes a record and waits for the broker's acknowledgement. */
  public void send(ProducerRecord<String, byte[]> record) {
    try {
      producer.send(record).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not acknowledge " + record, e);
    }
  }

  /** The record an outbox relay would send for the event under the given id. */
  public ProducerRecord<String, byte[]> record(DomainEvent event, UUID id) {
    EventType type = EventTypes.of(event.getClass());
    return record(
        type.topic(),
        event.subject(),
        id,
        type.name(),
        Integer.toString(type.schemaVersion()),
        json.writeValueAsBytes(event));
  }

  /** A record with the given envelope attributes and raw value (any of them may be broken). */
  public ProducerRecord<String, byte[]> record(
      String topic, String key, UUID id, String type, String schemaVersion, byte[] value) {
    var record = new ProducerRecord<String, byte[]>(topic, null, key, value);
    header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
    header(record, CloudEventHeaders.ID, id.toString());
    header(record, CloudEventHeaders.TYPE, type);
    header(record, CloudEventHeaders.SOURCE, source);
    header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
    header(record, CloudEventHeaders.SUBJECT, key);
    header(record, CloudEventHeaders.SCHEMA_VERSION, schemaVersion);
    header(record, CloudEventHeaders.DATA_SCHEMA, "urn:mhaqi:event:" + type + ":" + schemaVersion);
    header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    return record;
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public void close() {
    producer.close();
  }
}
