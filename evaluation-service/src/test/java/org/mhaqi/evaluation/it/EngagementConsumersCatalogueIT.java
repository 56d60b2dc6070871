package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.EventCatalogue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Keeps the event catalogue's account of how evaluation-service consumes {@code enrollment.events}
 * and {@code coaching.events} (messages acted on, consumer group, dead-letter topic) in line with
 * its bindings in application.yml.
 */
class EngagementConsumersCatalogueIT extends EvaluationIntegrationTest {

  @Autowired Environment environment;

  @Test
  void theCatalogueDescribesHowEvaluationServiceConsumesEnrolmentEvents() {
    check(
        Topics.ENROLLMENT_EVENTS,
        "enrollment-service",
        "enrollmentEvents-in-0",
        "receiveEnrollmentEventsInEvaluation",
        Set.of("ServiceEnrolled", "EnrollmentWithdrawn", "EnrollmentCompleted"));
  }

  @Test
  void theCatalogueDescribesHowEvaluationServiceConsumesCoachingEvents() {
    check(
        Topics.COACHING_EVENTS,
        "coaching-service",
        "coachingEvents-in-0",
        "receiveCoachingEventsInEvaluation",
        Set.of(
            "CoachingPlanCreated",
            "SessionScheduled",
            "SessionRescheduled",
            "SessionCancelled",
            "SessionCompleted",
            "LearningEventAttended"));
  }

  private void check(
      String topic, String producer, String binding, String operation, Set<String> handled) {
    EventCatalogue catalogue = EventCatalogue.forChannel(topic, producer);
    assertThat(environment.getProperty("spring.cloud.stream.bindings." + binding + ".destination"))
        .isEqualTo(topic);
    String group =
        environment.getRequiredProperty("spring.cloud.stream.bindings." + binding + ".group");
    String deadLetters =
        environment.getRequiredProperty(
            "spring.cloud.stream.kafka.bindings." + binding + ".consumer.dlq-name");
    assertThat(group).isEqualTo("evaluation-service");
    assertThat(deadLetters).isEqualTo(topic + ".evaluation-service.dlq");
    catalogue.assertNoViolations(
        catalogue.checkReceiveOperation(operation, group, deadLetters, handled));
  }
}
