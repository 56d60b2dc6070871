package org.mhaqi.evaluation.rebuild;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.mhaqi.evaluation.engagement.EngagementProjection;
import org.mhaqi.evaluation.enrollment.EnrollmentProjection;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventTypes;
import org.mhaqi.events.EventTypes.EventType;
import org.mhaqi.events.Topics;
import org.mhaqi.support.audit.ScratchWork;
import org.mhaqi.support.messaging.EventEnvelope;
import org.mhaqi.support.messaging.PoisonEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds evaluation's projections (enrolled services, enrolment ends, engagement sessions and
 * plans) from the start of enrollment.events and coaching.events:
 *
 * <ol>
 *   <li>reads every partition from offset 0 up to its end offset at the start, with a plain
 *       KafkaConsumer of no group (the live consumers' offsets are untouched), and folds the events
 *       in memory with the same merge rules the live consumers apply;
 *   <li>writes the result into fresh staging tables ({@code <table>_rebuild}), the live tables
 *       still answering;
 *   <li>in one transaction: locks the live tables against writes, reads what arrived since step 1
 *       and folds it in, then replaces the live rows with the staged ones.
 * </ol>
 *
 * The live consumers keep running: an event they apply after the swap is merged into the rebuilt
 * rows, and merging a fact the rows already hold changes nothing. Messages the live consumers send
 * to their dead letters (no envelope, unknown schema version, unreadable or incomplete payload) are
 * skipped here too, so the figures match.
 */
@Service
public class EngagementRebuild {

  private static final Logger log = LoggerFactory.getLogger(EngagementRebuild.class);

  static final String SUFFIX = "_rebuild";

  /** What a rebuild did and how long each step took. */
  public record Result(
      long records,
      long applied,
      long ignored,
      long unreadable,
      long sessions,
      long readMillis,
      long stageMillis,
      long swapMillis,
      long totalMillis) {}

  /** A rebuild is already running; one at a time. */
  public static class AlreadyRunning extends RuntimeException {
    AlreadyRunning() {
      super("A rebuild of the engagement projections is already running");
    }
  }

  private final String bootstrapServers;
  private final JsonMapper json;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final TransactionTemplate staging;
  private final EnrollmentProjection enrollments;
  private final EngagementProjection engagement;
  private final AtomicBoolean running = new AtomicBoolean();
  private final Map<String, String> security;

  EngagementRebuild(
      @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
      KafkaProperties kafka,
      JsonMapper json,
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      EnrollmentProjection enrollments,
      EngagementProjection engagement) {
    this.bootstrapServers = bootstrapServers;
    // The service's own principal (spring.kafka.security and .properties: SASL), which may read
    // the topics the rebuild reads.
    this.security = new HashMap<>(kafka.getProperties());
    if (kafka.getSecurity().getProtocol() != null) {
      security.put("security.protocol", kafka.getSecurity().getProtocol());
    }
    // Read as leniently as the live consumers do: a compatible change adds fields.
    this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    // Staging fills scratch tables only: the swap is the change, and the one audited.
    this.staging = new TransactionTemplate(transactionManager);
    staging.setName(ScratchWork.TRANSACTION_NAME);
    this.enrollments = enrollments;
    this.engagement = engagement;
  }

  /** Rebuilds from the platform's topics. */
  public Result rebuild() {
    return rebuild(List.of(Topics.ENROLLMENT_EVENTS, Topics.COACHING_EVENTS));
  }

  /** Rebuilds from the given topics (the benchmark replays copies under other names). */
  public Result rebuild(List<String> topics) {
    if (!running.compareAndSet(false, true)) {
      throw new AlreadyRunning();
    }
    try {
      return rebuildNow(topics);
    } finally {
      running.set(false);
    }
  }

  private Result rebuildNow(List<String> topics) {
    long started = System.nanoTime();
    Fold fold = new Fold();
    Counts counts = new Counts();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer, topics);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> readUpTo = readToEnd(consumer, partitions, fold, counts);
      long read = System.nanoTime();

      List<String> tables = tables();
      staging.executeWithoutResult(
          status -> {
            for (String table : tables) {
              jdbc.sql("DROP TABLE IF EXISTS " + table + SUFFIX).update();
              // Unlogged: a staging table that a crash loses is simply rebuilt again.
              jdbc.sql(
                      "CREATE UNLOGGED TABLE %s (LIKE %s INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)"
                          .formatted(table + SUFFIX, table))
                  .update();
            }
            enrollments.stage(SUFFIX, fold.enrolledServices(false), fold.ends(false));
            engagement.stageFresh(SUFFIX, fold.sessions(false), fold.plans(false));
          });
      long staged = System.nanoTime();

      transactions.executeWithoutResult(
          status -> {
            jdbc.sql("LOCK TABLE " + String.join(", ", tables) + " IN EXCLUSIVE MODE").update();
            fold.clearChanged();
            readUpTo.forEach(consumer::seek);
            readToEnd(consumer, partitions, fold, counts);
            // What arrived meanwhile may touch rows already staged: upserted, not copied.
            enrollments.stage(SUFFIX, fold.enrolledServices(true), fold.ends(true));
            engagement.stage(SUFFIX, fold.sessions(true), fold.plans(true));
            enrollments.swapIn(SUFFIX);
            engagement.swapIn(SUFFIX);
            for (String table : tables) {
              jdbc.sql("DROP TABLE " + table + SUFFIX).update();
            }
          });
      long swapped = System.nanoTime();
      Result result =
          new Result(
              counts.records,
              counts.applied,
              counts.ignored,
              counts.unreadable,
              fold.sessionCount(),
              millis(read - started),
              millis(staged - read),
              millis(swapped - staged),
              millis(swapped - started));
      log.info("Rebuilt the engagement projections from {}: {}", topics, result);
      return result;
    }
  }

  private static List<String> tables() {
    List<String> tables = new ArrayList<>(EnrollmentProjection.tables());
    tables.addAll(EngagementProjection.tables());
    return tables;
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Properties props = new Properties();
    props.putAll(security);
    props.put("bootstrap.servers", bootstrapServers);
    props.put("enable.auto.commit", "false");
    props.put("key.deserializer", ByteArrayDeserializer.class.getName());
    props.put("value.deserializer", ByteArrayDeserializer.class.getName());
    props.put("max.poll.records", "5000");
    props.put("fetch.max.bytes", Integer.toString(64 * 1024 * 1024));
    props.put("max.partition.fetch.bytes", Integer.toString(16 * 1024 * 1024));
    return new KafkaConsumer<>(props);
  }

  private static List<TopicPartition> partitions(
      KafkaConsumer<byte[], byte[]> consumer, List<String> topics) {
    List<TopicPartition> partitions = new ArrayList<>();
    Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(30));
    for (String topic : topics) {
      for (PartitionInfo p : existing.getOrDefault(topic, List.of())) {
        partitions.add(new TopicPartition(topic, p.partition()));
      }
    }
    return partitions;
  }

  /** Reads every partition up to its end offset as of now; returns those offsets. */
  private Map<TopicPartition, Long> readToEnd(
      KafkaConsumer<byte[], byte[]> consumer,
      List<TopicPartition> partitions,
      Fold fold,
      Counts counts) {
    Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
    while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
        TopicPartition p = new TopicPartition(record.topic(), record.partition());
        if (record.offset() < end.get(p)) {
          apply(record, fold, counts);
        }
      }
    }
    return end;
  }

  private void apply(ConsumerRecord<byte[], byte[]> record, Fold fold, Counts counts) {
    counts.records++;
    Optional<DomainEvent> event;
    try {
      event = read(record);
    } catch (PoisonEventException e) {
      counts.unreadable++;
      log.debug("Skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e);
      return;
    }
    if (event.isEmpty()) {
      counts.ignored++;
      return;
    }
    try {
      if (fold.apply(event.get())) {
        counts.applied++;
      } else {
        counts.ignored++;
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      counts.unreadable++;
      log.debug("Skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e);
    }
  }

  /** The record's event, as the live consumer reads it; empty for types not in the catalogue. */
  private Optional<DomainEvent> read(ConsumerRecord<byte[], byte[]> record) {
    MessageBuilder<byte[]> message =
        MessageBuilder.withPayload(record.value() == null ? new byte[0] : record.value());
    for (Header header : record.headers()) {
      message.setHeader(header.key(), header.value());
    }
    EventEnvelope envelope = EventEnvelope.of(message.build());
    Optional<EventType> type = EventTypes.byName(envelope.type());
    if (type.isEmpty()) {
      return Optional.empty();
    }
    if (!type.get().reads(envelope.schemaVersion())) {
      throw new PoisonEventException("Unknown schema version of " + envelope);
    }
    if (envelope.payload().length == 0) {
      throw new PoisonEventException("Empty payload of " + envelope);
    }
    try {
      DomainEvent event = json.readValue(envelope.payload(), type.get().payloadType());
      if (event == null) {
        throw new PoisonEventException("Payload of " + envelope + " is JSON null");
      }
      return Optional.of(event);
    } catch (JacksonException e) {
      throw new PoisonEventException(
          "Unparseable payload of "
              + envelope
              + ": "
              + new String(record.value(), StandardCharsets.UTF_8),
          e);
    }
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }

  private static final class Counts {
    long records;
    long applied;
    long ignored;
    long unreadable;
  }
}
