package org.mhaqi.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.Topics;
import org.mhaqi.local.KafkaSecurity;
import org.mhaqi.testing.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ContextConfiguration;

/**
 * Every platform topic and the service's dead-letter topic exist before anything uses them, with
 * the configured partitions and a retention that lets a consumer replay from the start; declaring
 * them again (another service starting, or this one restarting) changes nothing but grows a topic
 * that has fewer partitions than configured.
 */
@SpringBootTest(
    classes = ConsumerTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = RealInfrastructure.class)
class TopicProvisioningIT {

  @Autowired KafkaAdmin kafkaAdmin;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void everyEventTopicAndTheDeadLetterTopicAreCreatedWithThreePartitionsKeptForEver()
      throws Exception {
    List<String> expected =
        List.of(
            Topics.ENROLLMENT_EVENTS,
            Topics.COACHING_EVENTS,
            Topics.EVALUATION_EVENTS,
            ConsumerTestApplication.DLQ);
    try (Admin admin = admin()) {
      Map<String, TopicDescription> topics =
          admin.describeTopics(expected).allTopicNames().get(30, TimeUnit.SECONDS);
      for (String name : expected) {
        assertThat(topics.get(name).partitions()).as(name).hasSize(3);
        assertThat(retentionMs(admin, name)).as(name).isEqualTo("-1");
      }
    }
  }

  @Test
  void declaringAgainChangesNothingAndGrowsATopicWithTooFewPartitions() throws Exception {
    try (Admin admin = admin()) {
      admin.deleteTopics(Set.of(Topics.EVALUATION_EVENTS)).all().get(30, TimeUnit.SECONDS);
      awaitGone(admin, Topics.EVALUATION_EVENTS);
      // As a broker with auto-creation would have left it.
      admin
          .createTopics(List.of(new NewTopic(Topics.EVALUATION_EVENTS, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);

      kafkaAdmin.initialize();

      Map<String, TopicDescription> topics =
          admin
              .describeTopics(List.of(Topics.EVALUATION_EVENTS, Topics.ENROLLMENT_EVENTS))
              .allTopicNames()
              .get(30, TimeUnit.SECONDS);
      assertThat(topics.get(Topics.EVALUATION_EVENTS).partitions()).hasSize(3);
      assertThat(topics.get(Topics.ENROLLMENT_EVENTS).partitions()).hasSize(3);
      assertThat(retentionMs(admin, Topics.EVALUATION_EVENTS)).isEqualTo("-1");
    }
  }

  private Admin admin() {
    return Admin.create(KafkaSecurity.adminConfig(bootstrapServers));
  }

  private static String retentionMs(Admin admin, String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config =
        admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    return config.get("retention.ms").value();
  }

  private static void awaitGone(Admin admin, String topic) throws Exception {
    for (int i = 0; i < 100; i++) {
      if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(topic + " was not deleted");
  }
}
