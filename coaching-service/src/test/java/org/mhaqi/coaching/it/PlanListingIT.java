package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.coaching.it.EnrollmentEventsIT.list;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.engine.spi.EntityKey;
import org.junit.jupiter.api.Test;
import org.mhaqi.coaching.plan.CoachingPlan;
import org.mhaqi.coaching.plan.CoachingSession;
import org.mhaqi.coaching.plan.PlanQueries;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The list of plans: each plan with the same session counts and hours as its own page, counted by
 * the database rather than by loading every session of every plan listed.
 */
class PlanListingIT extends IntegrationTest {

  private static final List<String> FIGURES =
      List.of(
          "scheduledSessions",
          "unstaffedSessions",
          "cancelledSessions",
          "completedSessions",
          "bookedTeamHoursPerWeek",
          "expectedTeamHoursPerWeek");

  @Autowired PlanQueries queries;
  @Autowired EntityManager entityManager;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void eachListedPlanShowsTheSessionCountsAndHoursOfItsOwnPage() {
    UUID enrollmentId = UUID.randomUUID();
    ServiceEnrolled enrolled = enrolled(enrollmentId, today().minusWeeks(6), today().plusWeeks(6));
    enrollmentService().send(team(enrollmentId, enrolled.serviceId()));
    enrollmentService().send(enrolled);
    JsonNode planned = awaitPlan(enrollmentId);
    Instant now = currentInstant();
    List<JsonNode> past =
        list(planned.get("sessions")).stream()
            .filter(s -> s.get("status").asString().equals("SCHEDULED"))
            .filter(s -> s.get("kind").asString().equals("COACHING_SESSION"))
            .filter(
                s -> s.get("level").asString().equals("SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY"))
            .filter(s -> s.get("staffed").asBoolean())
            .filter(s -> Instant.parse(s.get("startsAtInstant").asString()).isBefore(now))
            .toList();
    assertThat(past).hasSizeGreaterThanOrEqualTo(3);
    assertThat(
            postJson(
                    "/api/sessions/{id}/completion",
                    Map.of(
                        "minutesDelivered",
                        50,
                        "attendance",
                        Map.of("SERVICE_LEAD", 1),
                        "attendeeMemberIds",
                        List.of(),
                        "livedExperiencePartnerTookPart",
                        false),
                    past.get(0).get("id").asString())
                .status())
        .isEqualTo(200);
    assertThat(
            postJson(
                    "/api/sessions/{id}/cancellation",
                    Map.of("reason", "Team away"),
                    past.get(1).get("id").asString())
                .status())
        .isEqualTo(200);
    // A scheduled session without a coach (as when none was free): no API unstaffs one.
    jdbc.sql("update coaching_session set coach_id = null where id = ?")
        .param(UUID.fromString(past.get(2).get("id").asString()))
        .update();

    JsonNode plan = plan(enrollmentId);
    JsonNode listed = read("/api/plans?size=200&phaseId={phase}", enrolled.phaseId());

    assertThat(list(listed.get("content"))).hasSize(1);
    JsonNode item = listed.get("content").get(0);
    assertThat(item.get("enrollmentId").asString()).isEqualTo(enrollmentId.toString());
    assertThat(item.path("sessions").isArray()).as("sessions listed").isFalse();
    for (String figure : FIGURES) {
      assertThat(item.get(figure)).as(figure).isEqualTo(plan.get(figure));
    }
    int sessions = plan.get("sessions").size();
    assertThat(plan.get("completedSessions").asLong()).isEqualTo(1);
    assertThat(plan.get("cancelledSessions").asLong()).isEqualTo(1);
    assertThat(plan.get("unstaffedSessions").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(plan.get("scheduledSessions").asLong()).isEqualTo(sessions - 2);
    assertThat(plan.get("bookedTeamHoursPerWeek").asDouble()).isPositive();
  }

  @Test
  void aPageOfPlansIsReadWithoutLoadingTheirSessions() {
    UUID enrollmentId = UUID.randomUUID();
    ServiceEnrolled enrolled = enrolled(enrollmentId, today().plusWeeks(1), today().plusWeeks(9));
    enrollmentService().send(team(enrollmentId, enrolled.serviceId()));
    enrollmentService().send(enrolled);
    assertThat(awaitPlan(enrollmentId).get("sessions").size()).isPositive();

    TransactionTemplate readOnly = new TransactionTemplate(transactions);
    readOnly.setReadOnly(true);
    Set<String> loaded =
        readOnly.execute(
            status -> {
              assertThat(queries.plans(enrolled.phaseId(), PageRequest.of(0, 20)).getContent())
                  .singleElement()
                  .satisfies(p -> assertThat(p.scheduledSessions()).isPositive());
              assertThat(queries.plans(null, PageRequest.of(0, 20)).getContent()).isNotEmpty();
              return entityManager.unwrap(Session.class).getStatistics().getEntityKeys().stream()
                  .map(key -> ((EntityKey) key).getEntityName())
                  .collect(Collectors.toSet());
            });

    assertThat(loaded)
        .contains(CoachingPlan.class.getName())
        .doesNotContain(CoachingSession.class.getName());
  }
}
