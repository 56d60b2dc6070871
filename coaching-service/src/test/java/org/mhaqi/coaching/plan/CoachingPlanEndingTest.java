package org.mhaqi.coaching.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.coaching.enrollment.EnrollmentFixtures;
import org.mhaqi.coaching.scheduling.PlannedSession;
import org.mhaqi.events.coaching.CancellationCause;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionKind;

/** How a plan ends: a withdrawal or a completion cancels what is left, once, within the window. */
class CoachingPlanEndingTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final LocalDate FIRST = LocalDate.of(2026, 7, 1);
  static final LocalDate LAST = LocalDate.of(2026, 12, 31);
  static final Instant NOW = Instant.parse("2026-09-01T12:00:00Z");

  /** Sessions at 10:00 London on 2 Sep (BST), 9 Sep (BST) and 2 Dec (GMT). */
  static CoachingPlan plan() {
    List<PlannedSession> planned =
        List.of(
            session(LocalDateTime.of(2026, 9, 2, 10, 0)),
            session(LocalDateTime.of(2026, 9, 9, 10, 0)),
            session(LocalDateTime.of(2026, 12, 2, 10, 0)));
    return CoachingPlan.create(
        EnrollmentFixtures.enrolled(FIRST, LAST, Instant.parse("2026-06-01T09:00:00Z")),
        LONDON,
        planned,
        NOW);
  }

  static PlannedSession session(LocalDateTime startsAt) {
    return new PlannedSession(
        CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY,
        SessionKind.COACHING_SESSION,
        startsAt,
        60,
        UUID.randomUUID());
  }

  @Test
  void theWindowEndsAtMidnightAfterItsLastDayInThePlansZone() {
    CoachingPlan plan = plan();
    assertThat(plan.isAfterWindow(Instant.parse("2026-12-31T23:59:59Z"))).isFalse();
    assertThat(plan.isAfterWindow(Instant.parse("2027-01-01T00:00:00Z"))).isTrue();
    assertThat(plan.isAfterWindow(Instant.parse("2026-07-01T00:00:00Z"))).isFalse();
  }

  @Test
  void aCompletionCancelsTheSessionsThatStartAfterItWithItsCause() {
    CoachingPlan plan = plan();
    // 10:00 BST on 9 September is 09:00 UTC: a completion at that very instant leaves it.
    Instant completedAt = Instant.parse("2026-09-09T09:00:00Z");

    List<CoachingSession> cancelled = plan.completeEnrollment(completedAt, NOW);

    assertThat(cancelled)
        .extracting(CoachingSession::getStartsAt)
        .containsExactly(LocalDateTime.of(2026, 12, 2, 10, 0));
    assertThat(cancelled)
        .allSatisfy(
            s -> {
              assertThat(s.getStatus()).isEqualTo(SessionStatus.CANCELLED);
              assertThat(s.getCancellationCause())
                  .isEqualTo(CancellationCause.ENROLLMENT_COMPLETED);
            });
    assertThat(plan.getSessions())
        .filteredOn(s -> s.getStatus() == SessionStatus.SCHEDULED)
        .hasSize(2);
    assertThat(plan.getCompletedAt()).isEqualTo(completedAt);
    assertThat(plan.getWithdrawnAt()).isNull();
    assertThat(plan.hasEnded()).isTrue();
  }

  @Test
  void aWithdrawalCancelsWithItsCauseAndReason() {
    CoachingPlan plan = plan();
    Instant withdrawnAt = Instant.parse("2026-09-09T08:59:59Z");

    List<CoachingSession> cancelled = plan.withdraw(withdrawnAt, "Ward closed", NOW);

    assertThat(cancelled).hasSize(2);
    assertThat(cancelled)
        .allSatisfy(
            s -> {
              assertThat(s.getCancellationCause())
                  .isEqualTo(CancellationCause.ENROLLMENT_WITHDRAWN);
              assertThat(s.getCancellationReason()).endsWith(": Ward closed");
            });
    assertThat(plan.getWithdrawnAt()).isEqualTo(withdrawnAt);
    assertThat(plan.isWithdrawn()).isTrue();
  }

  @Test
  void whicheverEndComesFirstCountsAndTheOtherChangesNothing() {
    CoachingPlan completed = plan();
    completed.completeEnrollment(Instant.parse("2026-10-01T09:00:00Z"), NOW);
    assertThat(completed.withdraw(Instant.parse("2026-08-01T09:00:00Z"), "x", NOW)).isEmpty();
    assertThat(completed.completeEnrollment(Instant.parse("2026-08-01T09:00:00Z"), NOW)).isEmpty();
    assertThat(completed.getWithdrawnAt()).isNull();
    assertThat(completed.getSessions())
        .filteredOn(s -> s.getStatus() == SessionStatus.SCHEDULED)
        .hasSize(2);

    CoachingPlan withdrawn = plan();
    withdrawn.withdraw(Instant.parse("2026-10-01T09:00:00Z"), null, NOW);
    assertThat(withdrawn.completeEnrollment(Instant.parse("2026-08-01T09:00:00Z"), NOW)).isEmpty();
    assertThat(withdrawn.withdraw(Instant.parse("2026-08-01T09:00:00Z"), null, NOW)).isEmpty();
    assertThat(withdrawn.getCompletedAt()).isNull();
    assertThat(withdrawn.getSessions())
        .filteredOn(s -> s.getStatus() == SessionStatus.CANCELLED)
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.getCancellationReason())
                    .isEqualTo("The service withdrew from the programme"));
  }

  @Test
  void anEndAfterTheWindowChangesNothingAndAnEndOnItsLastDayStillCounts() {
    CoachingPlan late = plan();
    assertThat(late.completeEnrollment(Instant.parse("2027-01-01T00:00:00Z"), NOW)).isEmpty();
    assertThat(late.withdraw(Instant.parse("2027-01-01T00:00:00Z"), "late", NOW)).isEmpty();
    assertThat(late.getCompletedAt()).isNull();
    assertThat(late.getWithdrawnAt()).isNull();
    assertThat(late.hasEnded()).isFalse();

    CoachingPlan lastDay = plan();
    assertThat(lastDay.completeEnrollment(Instant.parse("2026-12-31T23:59:59Z"), NOW)).isEmpty();
    assertThat(lastDay.getCompletedAt()).isNotNull();
    assertThat(lastDay.hasEnded()).isTrue();
  }
}
