package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.coaching.it.EnrollmentEventsIT.list;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.Topics;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.ProjectTeamUpdated;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.TeamRole;
import org.mhaqi.events.enrollment.WithdrawalReason;
import org.mhaqi.support.workingdays.WorkingDays;
import org.mhaqi.testing.KafkaTopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Coaching follows the enrolment's life through the real broker: a late start after a promotion
 * from the waitlist, the end at completion, nothing after the window, and the newest team.
 */
class EnrollmentLifeIT extends IntegrationTest {

  @Autowired WorkingDays workingDays;

  @Test
  void aServicePromotedPartWayThroughTheWindowIsCoachedFromTheNextWorkingDayOnly() {
    LocalDate windowStarts = today().minusWeeks(8);
    LocalDate windowEnds = today().plusWeeks(12);
    UUID fromTheStart = UUID.randomUUID();
    UUID promoted = UUID.randomUUID();
    Instant promotedAt = currentInstant();
    enrollmentService().send(enrolled(fromTheStart, windowStarts, windowEnds));
    ServiceEnrolled promotion = enrolled(promoted, windowStarts, windowEnds, promotedAt);
    assertThat(promotion.promotedFromWaitlist()).isTrue();
    enrollmentService().send(promotion);

    List<LocalDate> fullDays = sessionDays(awaitPlan(fromTheStart));
    JsonNode plan = awaitPlan(promoted);
    List<LocalDate> promotedDays = sessionDays(plan);

    LocalDate firstWorkingDayAfter =
        today()
            .plusDays(1)
            .datesUntil(today().plusDays(10))
            .filter(workingDays::isWorkingDay)
            .findFirst()
            .orElseThrow();
    assertThat(fullDays).anySatisfy(day -> assertThat(day).isBefore(today()));
    assertThat(promotedDays)
        .isNotEmpty()
        .allSatisfy(day -> assertThat(day).isAfterOrEqualTo(firstWorkingDayAfter));
    assertThat(plan.get("windowStartsOn").asString()).isEqualTo(windowStarts.toString());
    assertThat(plan.get("sessions"))
        .allSatisfy(s -> assertThat(s.get("status").asString()).isEqualTo("SCHEDULED"));
  }

  @Test
  void aPlanReportsTheTeamsBookedHoursPerWeekBesideTheTwoTheProgrammeAsks() {
    UUID enrollmentId = UUID.randomUUID();
    LocalDate first = today().plusWeeks(60);
    enrollmentService().send(enrolled(enrollmentId, first, first.plusWeeks(26).minusDays(1)));

    JsonNode plan = awaitPlan(enrollmentId);

    assertThat(plan.get("coachedFrom").asString()).isEqualTo(first.toString());
    assertThat(plan.get("expectedTeamHoursPerWeek").asDouble()).isEqualTo(2.0);
    // Three improvement days and a weekly hour in the other weeks: about 1.8 (47 / 26).
    assertThat(plan.get("bookedTeamHoursPerWeek").asDouble()).isBetween(1.5, 1.9);
    assertThat(
            list(plan.get("sessions")).stream()
                .filter(s -> s.get("kind").asString().equals("IMPROVEMENT_DAY"))
                .count())
        .isEqualTo(3);
  }

  @Test
  void aCompletionCancelsEveryFutureSessionWithItsCauseAndAnnouncesIt() {
    UUID enrollmentId = UUID.randomUUID();
    ServiceEnrolled event = enrolled(enrollmentId, today().minusWeeks(5), today().plusWeeks(10));
    enrollmentService().send(event);
    JsonNode before = awaitPlan(enrollmentId);
    Instant completedAt = currentInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    Set<String> future = idsStarting(before, completedAt, true);
    Set<String> past = idsStarting(before, completedAt, false);
    assertThat(future).isNotEmpty();
    assertThat(past).isNotEmpty();

    UUID completion =
        enrollmentService()
            .send(
                new EnrollmentCompleted(
                    enrollmentId, event.serviceId(), event.phaseId(), completedAt));
    awaitProcessed(completion);

    JsonNode after = plan(enrollmentId);
    assertThat(Instant.parse(after.get("completedAt").asString())).isEqualTo(completedAt);
    assertThat(after.get("withdrawnAt").isNull()).isTrue();
    for (JsonNode s : list(after.get("sessions"))) {
      if (future.contains(s.get("id").asString())) {
        assertThat(s.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(s.get("cancellationCause").asString()).isEqualTo("ENROLLMENT_COMPLETED");
      } else {
        assertThat(s.get("status").asString()).isEqualTo("SCHEDULED");
      }
    }
    try (var reader = new KafkaTopicReader(bootstrapServers, Topics.COACHING_EVENTS)) {
      var causes =
          reader
              .awaitMatching(
                  m ->
                      enrollmentId.toString().equals(m.key())
                          && "SessionCancelled".equals(m.type()),
                  future.size(),
                  WAIT)
              .stream()
              .map(m -> json.readTree(m.value()).get("cause").asString())
              .collect(Collectors.toSet());
      assertThat(causes).containsExactly("ENROLLMENT_COMPLETED");
    }

    // A withdrawal after the completion changes nothing more.
    UUID withdrawal =
        enrollmentService()
            .send(
                new EnrollmentWithdrawn(
                    enrollmentId,
                    event.serviceId(),
                    event.phaseId(),
                    "COMPLETED",
                    WithdrawalReason.OTHER,
                    currentInstant()));
    awaitProcessed(withdrawal);
    assertThat(plan(enrollmentId)).isEqualTo(after);
  }

  @Test
  void aCompletionThatOvertakesItsEnrollmentIsAppliedWhenThePlanIsMade() {
    UUID enrollmentId = UUID.randomUUID();
    ServiceEnrolled event = enrolled(enrollmentId, today().minusWeeks(3), today().plusWeeks(8));
    UUID completion =
        enrollmentService()
            .send(
                new EnrollmentCompleted(
                    enrollmentId, event.serviceId(), event.phaseId(), currentInstant()));
    awaitProcessed(completion);

    enrollmentService().send(event);
    JsonNode plan = awaitPlan(enrollmentId);

    Instant now = currentInstant();
    assertThat(plan.get("completedAt").isNull()).isFalse();
    assertThat(list(plan.get("sessions")))
        .filteredOn(s -> Instant.parse(s.get("startsAtInstant").asString()).isAfter(now))
        .isNotEmpty()
        .allSatisfy(
            s ->
                assertThat(s.get("cancellationCause").asString())
                    .isEqualTo("ENROLLMENT_COMPLETED"));
  }

  @Test
  void aWithdrawalOrACompletionAfterTheWindowChangesNothing() {
    LocalDate windowStarts = today().minusWeeks(20);
    LocalDate windowEnds = today().minusDays(3);
    UUID withdrawn = UUID.randomUUID();
    UUID completed = UUID.randomUUID();
    ServiceEnrolled first = enrolled(withdrawn, windowStarts, windowEnds);
    ServiceEnrolled second = enrolled(completed, windowStarts, windowEnds);
    enrollmentService().send(first);
    enrollmentService().send(second);
    JsonNode withdrawnBefore = awaitPlan(withdrawn);
    JsonNode completedBefore = awaitPlan(completed);

    awaitProcessed(
        enrollmentService()
            .send(
                new EnrollmentWithdrawn(
                    withdrawn,
                    first.serviceId(),
                    first.phaseId(),
                    "ENROLLED",
                    WithdrawalReason.OTHER,
                    currentInstant())));
    awaitProcessed(
        enrollmentService()
            .send(
                new EnrollmentCompleted(
                    completed, second.serviceId(), second.phaseId(), currentInstant())));

    assertThat(plan(withdrawn)).isEqualTo(withdrawnBefore);
    assertThat(plan(completed)).isEqualTo(completedBefore);
    assertThat(plan(withdrawn).get("withdrawnAt").isNull()).isTrue();
    assertThat(plan(completed).get("completedAt").isNull()).isTrue();
  }

  @Test
  void theTeamWithTheHighestRevisionWinsWhateverTheArrivalOrderAndTheClocks() {
    UUID enrollmentId = UUID.randomUUID();
    UUID serviceId = UUID.randomUUID();
    UUID newer = UUID.randomUUID();
    UUID older = UUID.randomUUID();
    Instant now = currentInstant();
    // Revision 2 is written by a host whose clock runs behind the one that wrote revision 1.
    ProjectTeamUpdated second =
        new ProjectTeamUpdated(
            enrollmentId,
            serviceId,
            List.of(new ProjectTeamUpdated.Member(newer, TeamRole.SERVICE_LEAD)),
            now.minusSeconds(60),
            2L);
    ProjectTeamUpdated first =
        new ProjectTeamUpdated(
            enrollmentId,
            serviceId,
            List.of(new ProjectTeamUpdated.Member(older, TeamRole.SERVICE_LEAD)),
            now,
            1L);

    awaitProcessed(enrollmentService().send(second));
    awaitProcessed(enrollmentService().send(first));

    assertThat(teamMembers(enrollmentId)).containsExactly(newer);

    ProjectTeamUpdated third =
        new ProjectTeamUpdated(
            enrollmentId,
            serviceId,
            List.of(new ProjectTeamUpdated.Member(older, TeamRole.FRONTLINE_STAFF)),
            now.minusSeconds(120),
            3L);
    awaitProcessed(enrollmentService().send(third));
    assertThat(teamMembers(enrollmentId)).containsExactly(older);
  }

  private List<UUID> teamMembers(UUID enrollmentId) {
    return jdbc.sql("select member_id from enrollment_team_member where enrollment_id = ?")
        .param(enrollmentId)
        .query(UUID.class)
        .list();
  }

  private static List<LocalDate> sessionDays(JsonNode plan) {
    return list(plan.get("sessions")).stream()
        .map(s -> LocalDateTime.parse(s.get("startsAt").asString()).toLocalDate())
        .toList();
  }

  private static Set<String> idsStarting(JsonNode plan, Instant at, boolean after) {
    return list(plan.get("sessions")).stream()
        .filter(s -> Instant.parse(s.get("startsAtInstant").asString()).isAfter(at) == after)
        .map(s -> s.get("id").asString())
        .collect(Collectors.toSet());
  }
}
