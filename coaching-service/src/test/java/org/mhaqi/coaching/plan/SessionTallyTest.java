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
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionCancellationReason;
import org.mhaqi.events.coaching.SessionKind;

/** A plan's sessions counted by status for plan views, and the team's minutes booked. */
class SessionTallyTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final Instant ENROLLED = Instant.parse("2026-01-01T09:00:00Z");
  static final Instant LATER = Instant.parse("2026-02-01T09:00:00Z");

  @Test
  void countsEachStatusOnceAndUnstaffedAmongTheScheduled() {
    CoachingPlan plan =
        plan(
            session(CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY, 5, 60, true),
            session(CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY, 6, 60, false),
            session(CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY, 7, 60, false),
            session(CoachingLevel.EXECUTIVE, 8, 60, true),
            session(CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY, 9, 480, true));
    List<CoachingSession> sessions = plan.getSessions();
    plan.complete(sessions.get(0), 50, Attendance.NONE, "coach", LATER);
    // An unstaffed session cancelled is cancelled, not unstaffed.
    plan.cancel(sessions.get(2), SessionCancellationReason.OTHER, "not needed", "ops", LATER);
    plan.cancel(sessions.get(3), SessionCancellationReason.OTHER, "not needed", "ops", LATER);

    SessionTally tally = SessionTally.of(plan.getId(), sessions);

    assertThat(tally.planId()).isEqualTo(plan.getId());
    assertThat(tally.scheduled()).isEqualTo(2);
    assertThat(tally.unstaffed()).isEqualTo(1);
    assertThat(tally.cancelled()).isEqualTo(2);
    assertThat(tally.completed()).isEqualTo(1);
    // The team's sessions not cancelled, delivered ones at their planned length: 60 + 60 + 480.
    assertThat(tally.teamMinutesBooked()).isEqualTo(600);
  }

  @Test
  void aPlanWithoutSessionsCountsNothing() {
    UUID planId = UUID.randomUUID();
    assertThat(SessionTally.of(planId, List.of())).isEqualTo(SessionTally.none(planId));
    assertThat(SessionTally.none(planId))
        .isEqualTo(new SessionTally(planId, 0, 0, 0, 0, 0))
        .extracting(SessionTally::planId)
        .isEqualTo(planId);
  }

  private static CoachingPlan plan(PlannedSession... sessions) {
    LocalDate first = LocalDate.of(2026, 1, 5);
    return CoachingPlan.create(
        EnrollmentFixtures.enrolled(first, first.plusWeeks(8), ENROLLED),
        LONDON,
        List.of(sessions),
        first,
        ENROLLED);
  }

  private static PlannedSession session(
      CoachingLevel level, int dayOfJanuary, int minutes, boolean staffed) {
    return new PlannedSession(
        level,
        minutes == 480 ? SessionKind.IMPROVEMENT_DAY : SessionKind.COACHING_SESSION,
        LocalDateTime.of(2026, 1, dayOfJanuary, 10, 0),
        minutes,
        staffed ? UUID.randomUUID() : null);
  }
}
