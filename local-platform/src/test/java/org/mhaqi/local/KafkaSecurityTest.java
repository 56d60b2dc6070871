package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker as {@code ./platform} and the tests run it refuses whoever has no business there: a
 * client without credentials or with a wrong password, a service on another service's topic, and
 * analytics writing anything; and lets each do what it is there for.
 */
class KafkaSecurityTest {

  @TempDir static Path dir;
  private static KafkaBroker broker;

  @BeforeAll
  static void startBrokerWithEveryTopic() throws Exception {
    broker = KafkaBroker.onFreePorts(dir).start();
    List<NewTopic> topics = new ArrayList<>();
    for (String topic : everyTopic()) {
      topics.add(new NewTopic(topic, 1, (short) 1));
    }
    try (Admin admin = KafkaBroker.admin(broker.bootstrapServers())) {
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    }
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.stop();
    }
  }

  @Test
  void aClientWithoutCredentialsIsRefused() {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", broker.bootstrapServers());
    config.put("request.timeout.ms", 2_000);
    config.put("default.api.timeout.ms", 4_000);
    try (Admin anonymous = Admin.create(config)) {
      assertThatThrownBy(
              () ->
                  anonymous
                      .describeCluster(new DescribeClusterOptions().timeoutMs(3_000))
                      .nodes()
                      .get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class);
    }
  }

  @Test
  void aWrongPasswordIsRefused() {
    Map<String, Object> config =
        new HashMap<>(KafkaSecurity.adminConfig(broker.bootstrapServers()));
    config.put(
        SaslConfigs.SASL_JAAS_CONFIG, KafkaSecurity.scramLogin(KafkaSecurity.ADMIN, "not-it"));
    try (Admin impostor = Admin.create(config)) {
      assertThatThrownBy(() -> impostor.describeCluster().nodes().get(30, TimeUnit.SECONDS))
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void eachServiceWritesItsOwnTopicsAndIsRefusedOnEveryOther() {
    for (KafkaSecurity.ServiceAccess access : KafkaSecurity.SERVICES) {
      List<String> own = new ArrayList<>(access.writes());
      own.addAll(access.deadLetterTopics());
      try (KafkaProducer<String, String> producer = producer(access.service())) {
        for (String topic : everyTopic()) {
          ProducerRecord<String, String> record = new ProducerRecord<>(topic, "k", "{}");
          if (own.contains(topic)) {
            assertThat(send(producer, record)).as(access.service() + " on " + topic).isNull();
          } else {
            assertThat(send(producer, record))
                .as(access.service() + " on " + topic)
                .isInstanceOf(TopicAuthorizationException.class);
          }
        }
      }
    }
  }

  @Test
  void eachServiceReadsWhatItConsumesAndIsRefusedTheRest() {
    for (KafkaSecurity.ServiceAccess access : KafkaSecurity.SERVICES) {
      List<String> readable = new ArrayList<>(access.reads());
      readable.addAll(access.deadLetterTopics());
      for (String topic : KafkaSecurity.PUBLIC_TOPICS) {
        Exception refusal = read(access.service(), topic);
        if (readable.contains(topic)) {
          assertThat(refusal).as(access.service() + " reading " + topic).isNull();
        } else {
          assertThat(refusal)
              .as(access.service() + " reading " + topic)
              .isInstanceOf(TopicAuthorizationException.class);
        }
      }
    }
  }

  @Test
  void analyticsReadsEveryPublicTopicAndWritesNone() {
    try (KafkaProducer<String, String> producer = producer(KafkaSecurity.ANALYTICS)) {
      for (String topic : everyTopic()) {
        assertThat(send(producer, new ProducerRecord<>(topic, "k", "{}")))
            .as("analytics writing " + topic)
            .isInstanceOf(TopicAuthorizationException.class);
      }
    }
    for (String topic : KafkaSecurity.PUBLIC_TOPICS) {
      assertThat(read(KafkaSecurity.ANALYTICS, topic)).as("analytics reading " + topic).isNull();
    }
  }

  @Test
  void theReplayPrincipalWritesEventTopicsOnly() {
    try (KafkaProducer<String, String> producer = producer(KafkaSecurity.REPLAY)) {
      for (String topic : everyTopic()) {
        Exception refusal = send(producer, new ProducerRecord<>(topic, "k", "{}"));
        if (KafkaSecurity.PUBLIC_TOPICS.contains(topic)) {
          assertThat(refusal).as("replay on " + topic).isNull();
        } else {
          assertThat(refusal)
              .as("replay on " + topic)
              .isInstanceOf(TopicAuthorizationException.class);
        }
      }
    }
  }

  private static List<String> everyTopic() {
    List<String> topics = new ArrayList<>(KafkaSecurity.PUBLIC_TOPICS);
    KafkaSecurity.SERVICES.forEach(s -> topics.addAll(s.deadLetterTopics()));
    return topics;
  }

  private static KafkaProducer<String, String> producer(String user) {
    Map<String, Object> config = new HashMap<>(KafkaSecurity.clientConfig(user));
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  /** Null when the broker took the record, else why not. */
  private static Exception send(
      KafkaProducer<String, String> producer, ProducerRecord<String, String> record) {
    try {
      producer.send(record).get(30, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return (Exception) e.getCause();
    } catch (Exception e) {
      return e;
    }
  }

  /** Null when the user could read the topic from its start (in its own group), else why not. */
  private static Exception read(String user, String topic) {
    Map<String, Object> config = new HashMap<>(KafkaSecurity.clientConfig(user));
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(
        ConsumerConfig.GROUP_ID_CONFIG,
        user.equals(KafkaSecurity.ANALYTICS) ? "analytics-security-test" : user);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      consumer.poll(Duration.ofSeconds(2));
      consumer.position(partition, Duration.ofSeconds(10));
      return null;
    } catch (Exception e) {
      return e;
    }
  }
}
