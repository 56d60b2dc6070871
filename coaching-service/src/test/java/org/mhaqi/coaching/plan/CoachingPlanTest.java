package org.mhaqi.coaching.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhaqi.coaching.enrollment.EnrollmentFixtures;
import org.mhaqi.coaching.scheduling.Booking;
import org.mhaqi.coaching.scheduling.PlannedSession;
import org.mhaqi.events.coaching.CancellationCause;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.CoachingPlanCreated;
import org.mhaqi.events.coaching.RescheduleReason;
import org.mhaqi.events.coaching.SessionCancellationReason;
import org.mhaqi.events.coaching.SessionCancelled;
import org.mhaqi.events.coaching.SessionCompleted;
import org.mhaqi.events.coaching.SessionKind;
import org.mhaqi.events.coaching.SessionRescheduled;
import org.mhaqi.events.coaching.SessionScheduled;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.TeamRole;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.RuleViolationException;

/** The plan aggregate guards its sessions' life cycle and announces every change. */
class CoachingPlanTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final CoachingLevel SERVICE =
      CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY;
  private static final LocalDate WINDOW_START = LocalDate.of(2024, 10, 1);
  private static final LocalDate WINDOW_END = LocalDate.of(2024, 11, 29);
  // Fixed instants: the tests never read the clock.
  private static final Instant CREATED = Instant.parse("2024-09-20T08:00:00Z");
  private static final Instant LATER = Instant.parse("2024-10-02T12:00:00Z");
  // After every session of the plan: each can be recorded as delivered.
  private static final Instant DELIVERED = Instant.parse("2024-11-30T12:00:00Z");
  // Monday 21 October 2024, 10:00 in London, is 09:00 UTC (summer time).
  private static final LocalDateTime OCT_21_TEN = LocalDateTime.of(2024, 10, 21, 10, 0);
  private static final LocalDateTime OCT_17_NINE = LocalDateTime.of(2024, 10, 17, 9, 0);
  private static final LocalDateTime NOV_12_TEN = LocalDateTime.of(2024, 11, 12, 10, 0);

  private final UUID enrollmentId = UUID.randomUUID();
  private final UUID serviceId = UUID.randomUUID();
  private final UUID phaseId = UUID.randomUUID();
  private final UUID coach = UUID.randomUUID();
  private final UUID otherCoach = UUID.randomUUID();

  private CoachingPlan plan;
  private CoachingSession weekly;
  private CoachingSession day;
  private CoachingSession executive;

  @BeforeEach
  void createPlan() {
    // Given out of order: the plan keeps its sessions in time order.
    plan =
        CoachingPlan.create(
            EnrollmentFixtures.enrolled(enrollmentId, serviceId, phaseId, WINDOW_START, WINDOW_END),
            LONDON,
            List.of(
                new PlannedSession(
                    CoachingLevel.EXECUTIVE, SessionKind.COACHING_SESSION, NOV_12_TEN, 60, null),
                new PlannedSession(SERVICE, SessionKind.COACHING_SESSION, OCT_21_TEN, 60, coach),
                new PlannedSession(SERVICE, SessionKind.IMPROVEMENT_DAY, OCT_17_NINE, 480, coach)),
            CREATED);
    day = plan.getSessions().get(0);
    weekly = plan.getSessions().get(1);
    executive = plan.getSessions().get(2);
  }

  private List<Object> eventsAfterCreation() {
    List<Object> events = plan.registeredEvents();
    return events.subList(4, events.size());
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      Runnable change, String code, String field) {
    return assertThatThrownBy(change::run)
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.field()).isEqualTo(field);
            });
  }

  @Test
  void createdFromTheEnrolmentWithItsSessionsInTimeOrderAndAnnouncesThemAll() {
    assertThat(plan.getEnrollmentId()).isEqualTo(enrollmentId);
    assertThat(plan.getServiceId()).isEqualTo(serviceId);
    assertThat(plan.getPhaseId()).isEqualTo(phaseId);
    assertThat(plan.getPhaseKind()).isEqualTo(PhaseKind.WIDER_IMPLEMENTATION);
    assertThat(plan.getWindowStartsOn()).isEqualTo(WINDOW_START);
    assertThat(plan.getWindowEndsOn()).isEqualTo(WINDOW_END);
    assertThat(plan.zone()).isEqualTo(LONDON);
    assertThat(plan.getCreatedAt()).isEqualTo(CREATED);
    assertThat(plan.isWithdrawn()).isFalse();
    assertThat(plan.getWithdrawnAt()).isNull();
    assertThat(plan.getSessions())
        .extracting(CoachingSession::getStartsAt)
        .containsExactly(OCT_17_NINE, OCT_21_TEN, NOV_12_TEN);

    List<Object> events = plan.registeredEvents();
    assertThat(events).hasSize(4);
    assertThat(events.get(0))
        .isEqualTo(
            new CoachingPlanCreated(
                plan.getId(),
                enrollmentId,
                serviceId,
                phaseId,
                PhaseKind.WIDER_IMPLEMENTATION,
                WINDOW_START,
                WINDOW_END,
                3,
                1,
                CREATED));
    assertThat(events.get(3))
        .isEqualTo(
            new SessionScheduled(
                executive.getId(),
                plan.getId(),
                enrollmentId,
                serviceId,
                phaseId,
                CoachingLevel.EXECUTIVE,
                SessionKind.COACHING_SESSION,
                NOV_12_TEN,
                "Europe/London",
                60,
                null,
                CREATED));
    assertThat(events.subList(1, 4))
        .extracting(e -> ((SessionScheduled) e).sessionId())
        .containsExactly(day.getId(), weekly.getId(), executive.getId());
  }

  @Test
  void aNewSessionIsScheduledAsPlannedAtWallClockTimeInThePlansZone() {
    assertThat(weekly.getPlan()).isSameAs(plan);
    assertThat(weekly.getLevel()).isEqualTo(SERVICE);
    assertThat(weekly.getKind()).isEqualTo(SessionKind.COACHING_SESSION);
    assertThat(weekly.getStartsAt()).isEqualTo(OCT_21_TEN);
    assertThat(weekly.getOriginalStartsAt()).isEqualTo(OCT_21_TEN);
    assertThat(weekly.endsAt()).isEqualTo(OCT_21_TEN.plusMinutes(60));
    assertThat(weekly.getTimeZone()).isEqualTo("Europe/London");
    assertThat(weekly.zonedStart().toInstant()).isEqualTo(Instant.parse("2024-10-21T09:00:00Z"));
    assertThat(weekly.getDurationMinutes()).isEqualTo(60);
    assertThat(weekly.getCoachId()).isEqualTo(coach);
    assertThat(weekly.isStaffed()).isTrue();
    assertThat(executive.isStaffed()).isFalse();
    assertThat(weekly.getStatus()).isEqualTo(SessionStatus.SCHEDULED);
    assertThat(weekly.getRevision()).isZero();
    assertThat(weekly.getUpdatedAt()).isEqualTo(CREATED);
    assertThat(weekly.getChanges()).isEmpty();
    assertThat(weekly.getDeliveredMinutes()).isNull();
    assertThat(weekly.getAttendance()).isEmpty();
    assertThat(weekly.getAttendees()).isEmpty();
    assertThat(weekly.booking()).isEqualTo(new Booking(OCT_21_TEN, 60, false));
    assertThat(day.booking()).isEqualTo(new Booking(OCT_17_NINE, 480, true));
  }

  @Test
  void findsItsSessionsById() {
    assertThat(plan.session(weekly.getId())).isSameAs(weekly);
    assertThat(plan.session(executive.getId())).isSameAs(executive);
    UUID unknown = UUID.randomUUID();
    assertThatThrownBy(() -> plan.session(unknown)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aWithdrawalCancelsTheScheduledSessionsAfterItAndLeavesThoseBefore() {
    // 09:00 UTC is 10:00 in London: the weekly session starts exactly then and is not after it.
    Instant withdrawnAt = Instant.parse("2024-10-21T09:00:00Z");
    plan.cancel(executive, SessionCancellationReason.OTHER, "Sponsor on leave", "coach", LATER);

    List<CoachingSession> cancelled = plan.withdraw(withdrawnAt, "moving trust", LATER);

    assertThat(cancelled).isEmpty();
    assertThat(plan.isWithdrawn()).isTrue();
    assertThat(plan.getWithdrawnAt()).isEqualTo(withdrawnAt);
    assertThat(weekly.getStatus()).isEqualTo(SessionStatus.SCHEDULED);
    assertThat(executive.getCancellationCause()).isEqualTo(CancellationCause.REQUESTED);
    assertThat(eventsAfterCreation()).hasSize(1);
  }

  @Test
  void aWithdrawalBeforeSessionsCancelsEachOnceWithTheReasonAndAnnouncesIt() {
    Instant withdrawnAt = Instant.parse("2024-10-21T08:59:59Z");

    List<CoachingSession> cancelled = plan.withdraw(withdrawnAt, "moving trust", LATER);

    assertThat(cancelled).containsExactly(weekly, executive);
    assertThat(day.getStatus()).isEqualTo(SessionStatus.SCHEDULED);
    for (CoachingSession s : cancelled) {
      assertThat(s.getStatus()).isEqualTo(SessionStatus.CANCELLED);
      assertThat(s.getCancellationCause()).isEqualTo(CancellationCause.ENROLLMENT_WITHDRAWN);
      assertThat(s.getCancellationReason())
          .isEqualTo("The service withdrew from the programme: moving trust");
    }
    assertThat(eventsAfterCreation())
        .containsExactly(
            new SessionCancelled(
                weekly.getId(),
                plan.getId(),
                enrollmentId,
                serviceId,
                phaseId,
                SERVICE,
                SessionKind.COACHING_SESSION,
                OCT_21_TEN,
                "Europe/London",
                60,
                coach,
                CancellationCause.ENROLLMENT_WITHDRAWN,
                null,
                LATER),
            new SessionCancelled(
                executive.getId(),
                plan.getId(),
                enrollmentId,
                serviceId,
                phaseId,
                CoachingLevel.EXECUTIVE,
                SessionKind.COACHING_SESSION,
                NOV_12_TEN,
                "Europe/London",
                60,
                null,
                CancellationCause.ENROLLMENT_WITHDRAWN,
                null,
                LATER));

    assertThat(plan.withdraw(withdrawnAt.minusSeconds(3600), "again", LATER)).isEmpty();
    assertThat(plan.getWithdrawnAt()).isEqualTo(withdrawnAt);
    assertThat(eventsAfterCreation()).hasSize(2);
  }

  @Test
  void aWithdrawalWithoutAReasonSaysOnlyThatTheServiceWithdrew() {
    plan.withdraw(Instant.parse("2024-11-01T00:00:00Z"), " ", LATER);
    assertThat(executive.getCancellationReason())
        .isEqualTo("The service withdrew from the programme");
  }

  @Test
  void aWithdrawalWithANullReasonSaysOnlyThatTheServiceWithdrew() {
    plan.withdraw(Instant.parse("2024-11-01T00:00:00Z"), null, LATER);
    assertThat(executive.getCancellationReason())
        .isEqualTo("The service withdrew from the programme");
  }

  @Test
  void reschedulingMovesTheSessionKeepsItsOriginalTimeAndAnnouncesBothTimesAndCoaches() {
    LocalDateTime thursday = LocalDateTime.of(2024, 10, 24, 14, 0);

    plan.reschedule(
        weekly,
        thursday,
        otherCoach,
        RescheduleReason.COACH_UNAVAILABLE,
        "Coach ill",
        "ops",
        LATER);

    assertThat(weekly.getStartsAt()).isEqualTo(thursday);
    assertThat(weekly.getOriginalStartsAt()).isEqualTo(OCT_21_TEN);
    assertThat(weekly.getCoachId()).isEqualTo(otherCoach);
    assertThat(weekly.getRevision()).isEqualTo(1);
    assertThat(weekly.getUpdatedAt()).isEqualTo(LATER);
    SessionChange change = weekly.getChanges().get(0);
    assertThat(change.getSequence()).isEqualTo(1);
    assertThat(change.getChange()).isEqualTo(SessionChange.Change.RESCHEDULED);
    assertThat(change.getChangedAt()).isEqualTo(LATER);
    assertThat(change.getActor()).isEqualTo("ops");
    assertThat(change.getFromStartsAt()).isEqualTo(OCT_21_TEN);
    assertThat(change.getToStartsAt()).isEqualTo(thursday);
    assertThat(change.getFromCoachId()).isEqualTo(coach);
    assertThat(change.getToCoachId()).isEqualTo(otherCoach);
    assertThat(change.getReason()).isEqualTo("Coach ill");
    assertThat(eventsAfterCreation())
        .containsExactly(
            new SessionRescheduled(
                weekly.getId(),
                plan.getId(),
                enrollmentId,
                serviceId,
                phaseId,
                SERVICE,
                SessionKind.COACHING_SESSION,
                OCT_21_TEN,
                thursday,
                "Europe/London",
                60,
                coach,
                otherCoach,
                1,
                RescheduleReason.COACH_UNAVAILABLE,
                LATER));

    plan.reschedule(
        weekly, thursday.plusHours(1), otherCoach, RescheduleReason.OTHER, null, "ops", LATER);
    assertThat(weekly.getRevision()).isEqualTo(2);
    assertThat(weekly.getChanges()).extracting(SessionChange::getSequence).containsExactly(1, 2);
  }

  @Test
  void givingAnUnstaffedSessionACoachAtItsTimeIsStaffingIt() {
    plan.reschedule(executive, NOV_12_TEN, coach, RescheduleReason.OTHER, null, "ops", LATER);

    assertThat(executive.getChanges().get(0).getChange()).isEqualTo(SessionChange.Change.STAFFED);
    assertThat(executive.isStaffed()).isTrue();
  }

  @Test
  void changingTheCoachOfAStaffedSessionAtTheSameTimeIsARescheduling() {
    plan.reschedule(weekly, OCT_21_TEN, otherCoach, RescheduleReason.OTHER, null, "ops", LATER);

    assertThat(weekly.getChanges().get(0).getChange()).isEqualTo(SessionChange.Change.RESCHEDULED);
  }

  @Test
  void movingAnUnstaffedSessionToAnotherTimeIsARescheduling() {
    plan.reschedule(
        executive, NOV_12_TEN.plusDays(1), null, RescheduleReason.OTHER, null, "ops", LATER);

    assertThat(executive.getChanges().get(0).getChange())
        .isEqualTo(SessionChange.Change.RESCHEDULED);
  }

  @Test
  void aSessionMovesOnlyToADayInsideTheCoachingWindow() {
    plan.reschedule(
        weekly, WINDOW_START.atTime(10, 0), coach, RescheduleReason.OTHER, null, "ops", LATER);
    plan.reschedule(
        weekly, WINDOW_END.atTime(10, 0), coach, RescheduleReason.OTHER, null, "ops", LATER);

    assertRefused(
            () ->
                plan.reschedule(
                    weekly,
                    WINDOW_START.minusDays(1).atTime(10, 0),
                    coach,
                    RescheduleReason.OTHER,
                    null,
                    "ops",
                    LATER),
            "outside-coaching-window",
            "startsAt")
        .hasMessageContaining("outside the coaching window 2024-10-01 to 2024-11-29");
    assertRefused(
        () ->
            plan.reschedule(
                weekly,
                WINDOW_END.plusDays(1).atTime(10, 0),
                coach,
                RescheduleReason.OTHER,
                null,
                "ops",
                LATER),
        "outside-coaching-window",
        "startsAt");
    assertThat(weekly.getStartsAt()).isEqualTo(WINDOW_END.atTime(10, 0));
  }

  @Test
  void aSessionStartsAndEndsOnTheSameDay() {
    plan.reschedule(
        weekly,
        LocalDateTime.of(2024, 10, 22, 22, 59),
        coach,
        RescheduleReason.OTHER,
        null,
        "ops",
        LATER);

    assertRefused(
        () ->
            plan.reschedule(
                weekly,
                LocalDateTime.of(2024, 10, 22, 23, 30),
                coach,
                RescheduleReason.OTHER,
                null,
                "ops",
                LATER),
        "session-crosses-midnight",
        "startsAt");
  }

  @Test
  void cancellingRecordsTheReasonBumpsTheRevisionAndAnnouncesIt() {
    plan.cancel(
        weekly,
        SessionCancellationReason.SERVICE_UNAVAILABLE,
        "Ward closed",
        "service-lead",
        LATER);

    assertThat(weekly.getStatus()).isEqualTo(SessionStatus.CANCELLED);
    assertThat(weekly.getCancellationCause()).isEqualTo(CancellationCause.REQUESTED);
    assertThat(weekly.getCancellationReason()).isEqualTo("Ward closed");
    assertThat(weekly.getRevision()).isEqualTo(1);
    assertThat(weekly.getUpdatedAt()).isEqualTo(LATER);
    SessionChange change = weekly.getChanges().get(0);
    assertThat(change.getChange()).isEqualTo(SessionChange.Change.CANCELLED);
    assertThat(change.getSequence()).isEqualTo(1);
    assertThat(change.getToStartsAt()).isNull();
    assertThat(eventsAfterCreation())
        .singleElement()
        .isInstanceOfSatisfying(
            SessionCancelled.class,
            e -> {
              assertThat(e.sessionId()).isEqualTo(weekly.getId());
              assertThat(e.cause()).isEqualTo(CancellationCause.REQUESTED);
              assertThat(e.reasonCode()).isEqualTo(SessionCancellationReason.SERVICE_UNAVAILABLE);
            });
  }

  @Test
  void onlyAScheduledSessionIsMovedCancelledOrCompleted() {
    plan.cancel(weekly, SessionCancellationReason.OTHER, "Ward closed", "service-lead", LATER);
    plan.complete(day, 480, Attendance.NONE, "coach", DELIVERED);

    assertRefused(
            () ->
                plan.reschedule(
                    weekly,
                    OCT_21_TEN.plusDays(1),
                    coach,
                    RescheduleReason.OTHER,
                    null,
                    "ops",
                    LATER),
            "session-cancelled",
            "status")
        .hasMessage("Session " + weekly.getId() + " is CANCELLED and cannot be rescheduled");
    assertRefused(
        () -> plan.cancel(weekly, SessionCancellationReason.OTHER, "again", "ops", LATER),
        "session-cancelled",
        "status");
    assertRefused(
        () -> plan.complete(weekly, 60, Attendance.NONE, "coach", DELIVERED),
        "session-cancelled",
        "status");
    assertRefused(
        () -> plan.cancel(day, SessionCancellationReason.OTHER, "late", "ops", LATER),
        "session-completed",
        "status");
    assertThat(weekly.getRevision()).isEqualTo(1);
    assertThat(eventsAfterCreation()).hasSize(2);
  }

  @Test
  void minutesDeliveredAreFromNoneToTheWholeSession() {
    assertRefused(
            () -> plan.complete(weekly, -1, Attendance.NONE, "coach", DELIVERED),
            "minutes-out-of-range",
            "minutesDelivered")
        .hasMessage("Minutes delivered must be between 0 and the session's 60 minutes");
    assertRefused(
        () -> plan.complete(weekly, 61, Attendance.NONE, "coach", DELIVERED),
        "minutes-out-of-range",
        "minutesDelivered");
    assertThat(weekly.getStatus()).isEqualTo(SessionStatus.SCHEDULED);

    plan.complete(weekly, 60, Attendance.NONE, "coach", DELIVERED);
    plan.complete(executive, 0, Attendance.NONE, "coach", DELIVERED);
    assertThat(weekly.getDeliveredMinutes()).isEqualTo(60);
    assertThat(executive.getDeliveredMinutes()).isZero();
  }

  @Test
  void completingRecordsAttendanceByRoleAndAnnouncesTheMembersOfEachRole() {
    UUID lead = new UUID(0, 3);
    UUID nurse = new UUID(0, 2);
    UUID healthcareAssistant = new UUID(0, 1);
    Set<Attendee> attendees =
        Set.of(
            new Attendee(lead, TeamRole.SERVICE_LEAD),
            new Attendee(nurse, TeamRole.FRONTLINE_STAFF),
            new Attendee(healthcareAssistant, TeamRole.FRONTLINE_STAFF));

    plan.complete(
        weekly,
        45,
        new Attendance(
            Map.of(
                TeamRole.SERVICE_LEAD,
                1,
                TeamRole.FRONTLINE_STAFF,
                3,
                TeamRole.QI_LEAD,
                0,
                TeamRole.LIVED_EXPERIENCE_PARTNER,
                1),
            attendees,
            true),
        "coach",
        DELIVERED);

    assertThat(weekly.getStatus()).isEqualTo(SessionStatus.COMPLETED);
    assertThat(weekly.getDeliveredMinutes()).isEqualTo(45);
    assertThat(weekly.getAttendance())
        .containsExactly(
            Map.entry(TeamRole.SERVICE_LEAD, 1),
            Map.entry(TeamRole.FRONTLINE_STAFF, 3),
            Map.entry(TeamRole.LIVED_EXPERIENCE_PARTNER, 1));
    assertThat(weekly.getAttendees()).isEqualTo(attendees);
    assertThat(weekly.getLivedExperiencePartnerTookPart()).isTrue();
    assertThat(weekly.getUpdatedAt()).isEqualTo(DELIVERED);
    assertThat(weekly.getRevision()).isZero();
    SessionChange change = weekly.getChanges().get(0);
    assertThat(change.getChange()).isEqualTo(SessionChange.Change.COMPLETED);
    assertThat(change.getFromCoachId()).isEqualTo(coach);
    assertThat(change.getToCoachId()).isEqualTo(coach);
    assertThat(eventsAfterCreation())
        .containsExactly(
            new SessionCompleted(
                weekly.getId(),
                plan.getId(),
                enrollmentId,
                serviceId,
                phaseId,
                SERVICE,
                SessionKind.COACHING_SESSION,
                OCT_21_TEN,
                "Europe/London",
                coach,
                60,
                45,
                List.of(
                    new SessionCompleted.RoleAttendance(TeamRole.SERVICE_LEAD, 1, List.of(lead)),
                    new SessionCompleted.RoleAttendance(
                        TeamRole.FRONTLINE_STAFF, 3, List.of(healthcareAssistant, nurse)),
                    new SessionCompleted.RoleAttendance(
                        TeamRole.LIVED_EXPERIENCE_PARTNER, 1, List.of())),
                5,
                true,
                DELIVERED));
  }

  @Test
  void completingWithoutTheLivedExperiencePartnerSaysSo() {
    plan.complete(
        executive,
        60,
        new Attendance(Map.of(TeamRole.EXECUTIVE_SPONSOR, 1), Set.of(), false),
        "coach",
        DELIVERED);

    assertThat(executive.getLivedExperiencePartnerTookPart()).isFalse();
    assertThat(((SessionCompleted) eventsAfterCreation().get(0)).livedExperiencePartnerTookPart())
        .isFalse();
  }

  @Test
  void aRescheduleMustChangeTheTimeOrTheCoach() {
    assertRefused(
            () ->
                plan.reschedule(
                    weekly, OCT_21_TEN, coach, RescheduleReason.OTHER, null, "ops", LATER),
            "nothing-to-change",
            "startsAt")
        .hasMessage("The session is already at " + OCT_21_TEN + " with the same coach");
    assertRefused(
        () ->
            plan.reschedule(
                executive, NOV_12_TEN, null, RescheduleReason.OTHER, null, "ops", LATER),
        "nothing-to-change",
        "startsAt");
    assertThat(eventsAfterCreation()).isEmpty();
  }

  @Test
  void aTeamCannotBeInTwoSessionsOfALevelAtOnceAndAFullDayTakesTheDay() {
    LocalDateTime afternoonOfTheDay = OCT_17_NINE.withHour(15);

    assertRefused(
            () ->
                plan.reschedule(
                    weekly, afternoonOfTheDay, coach, RescheduleReason.OTHER, null, "ops", LATER),
            "team-double-booked",
            "startsAt")
        .hasMessage("The team already has session " + day.getId() + " at " + OCT_17_NINE);
    assertThat(weekly.getStartsAt()).isEqualTo(OCT_21_TEN);
    assertThat(eventsAfterCreation()).isEmpty();

    // The executive level is another team calendar: its session may sit on the same day.
    plan.reschedule(executive, afternoonOfTheDay, null, RescheduleReason.OTHER, null, "ops", LATER);
    assertThat(executive.getStartsAt()).isEqualTo(afternoonOfTheDay);
  }

  @Test
  void sessionsOfALevelMayFollowEachOtherButNotOverlap() {
    LocalDateTime monday = OCT_21_TEN;
    LocalDateTime tuesday = OCT_21_TEN.plusDays(1);
    CoachingPlan twoWeekly =
        CoachingPlan.create(
            EnrollmentFixtures.enrolled(enrollmentId, serviceId, phaseId, WINDOW_START, WINDOW_END),
            LONDON,
            List.of(
                new PlannedSession(SERVICE, SessionKind.COACHING_SESSION, monday, 60, coach),
                new PlannedSession(SERVICE, SessionKind.COACHING_SESSION, tuesday, 60, coach)),
            CREATED);
    CoachingSession first = twoWeekly.getSessions().get(0);
    CoachingSession second = twoWeekly.getSessions().get(1);

    assertRefused(
        () ->
            twoWeekly.reschedule(
                second, monday.plusMinutes(59), coach, RescheduleReason.OTHER, null, "ops", LATER),
        "team-double-booked",
        "startsAt");
    assertRefused(
        () ->
            twoWeekly.reschedule(
                second, monday.minusMinutes(59), coach, RescheduleReason.OTHER, null, "ops", LATER),
        "team-double-booked",
        "startsAt");
    twoWeekly.reschedule(
        second, monday.plusMinutes(60), coach, RescheduleReason.OTHER, null, "ops", LATER);
    twoWeekly.reschedule(
        second, monday.minusMinutes(60), coach, RescheduleReason.OTHER, null, "ops", LATER);
    // A session never clashes with itself.
    twoWeekly.reschedule(
        first, monday.plusMinutes(30), coach, RescheduleReason.OTHER, null, "ops", LATER);

    // A cancelled session frees the team's time.
    twoWeekly.cancel(first, SessionCancellationReason.OTHER, "Ward closed", "ops", LATER);
    twoWeekly.reschedule(
        second, monday.plusMinutes(30), coach, RescheduleReason.OTHER, null, "ops", LATER);
    assertThat(second.getStartsAt()).isEqualTo(monday.plusMinutes(30));
  }

  @Test
  void staffingGivesTheSessionACoachAtItsTimeAndAnnouncesIt() {
    plan.staff(executive, otherCoach, "A coach became free", "ops", LATER);

    assertThat(executive.getCoachId()).isEqualTo(otherCoach);
    assertThat(executive.getStartsAt()).isEqualTo(NOV_12_TEN);
    assertThat(executive.getRevision()).isEqualTo(1);
    assertThat(executive.getChanges().get(0).getChange()).isEqualTo(SessionChange.Change.STAFFED);
    assertThat(eventsAfterCreation())
        .containsExactly(
            new SessionRescheduled(
                executive.getId(),
                plan.getId(),
                enrollmentId,
                serviceId,
                phaseId,
                CoachingLevel.EXECUTIVE,
                SessionKind.COACHING_SESSION,
                NOV_12_TEN,
                NOV_12_TEN,
                "Europe/London",
                60,
                null,
                otherCoach,
                1,
                RescheduleReason.COACH_REASSIGNED,
                LATER));

    plan.cancel(weekly, SessionCancellationReason.OTHER, "Ward closed", "ops", LATER);
    assertRefused(
        () -> plan.staff(weekly, otherCoach, "A coach became free", "ops", LATER),
        "session-cancelled",
        "status");
  }

  @Test
  void theTeamsCoachesAreThoseOfItsStaffedSessionsAtTheLevelInTimeOrder() {
    plan.reschedule(weekly, OCT_21_TEN, otherCoach, RescheduleReason.OTHER, null, "ops", LATER);

    assertThat(plan.teamCoaches(SERVICE)).containsExactly(coach, otherCoach);
    assertThat(plan.teamCoaches(CoachingLevel.EXECUTIVE)).isEmpty();

    plan.staff(executive, otherCoach, "A coach became free", "ops", LATER);
    assertThat(plan.teamCoaches(CoachingLevel.EXECUTIVE)).containsExactly(otherCoach);
  }

  @Test
  void aSessionIsDeliveredOnlyOnceItHasStarted() {
    // 10:00 in London on 21 October is 09:00 UTC.
    Instant start = Instant.parse("2024-10-21T09:00:00Z");

    assertRefused(
            () -> plan.complete(weekly, 60, Attendance.NONE, "coach", start.minusSeconds(1)),
            "session-not-started",
            "status")
        .hasMessage(
            "Session "
                + weekly.getId()
                + " starts at "
                + OCT_21_TEN
                + " and cannot be completed yet");
    assertThat(weekly.getStatus()).isEqualTo(SessionStatus.SCHEDULED);

    plan.complete(weekly, 60, Attendance.NONE, "coach", start);
    assertThat(weekly.getStatus()).isEqualTo(SessionStatus.COMPLETED);
  }

  @Test
  void onlyAScheduledSessionIsWaitedFor() {
    plan.cancel(executive, SessionCancellationReason.OTHER, "Sponsor on leave", "ops", LATER);

    // Cancelled before it started: the state, not the time, is what refuses completing it.
    plan.requireStarted(executive, LATER);
    assertRefused(
        () -> plan.complete(executive, 60, Attendance.NONE, "coach", LATER),
        "session-cancelled",
        "status");
  }
}
