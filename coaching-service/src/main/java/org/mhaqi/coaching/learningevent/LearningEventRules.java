package org.mhaqi.coaching.learningevent;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.LearningEventAudience;
import org.mhaqi.events.coaching.LearningEventFormat;
import org.mhaqi.support.web.RuleViolationException;
import org.mhaqi.support.workingdays.WorkingDays;

/**
 * What a learning event may be, whom it invites, and when its attendance may be recorded. Like a
 * session, it is held on a working day, at a Europe/London wall-clock time inside the working day
 * (08:00 to 18:00, which the clock changes, early on Sundays, never touch); a webinar lasts 15
 * minutes to 4 hours, an in-person day 4 to 8 hours. An event already held may be scheduled
 * afterwards, so that the attendance of events held before they were recorded here counts too.
 */
final class LearningEventRules {

  static final LocalTime DAY_STARTS = LocalTime.of(8, 0);
  static final LocalTime DAY_ENDS = LocalTime.of(18, 0);
  static final int WEBINAR_MIN = 15;
  static final int WEBINAR_MAX = 240;
  static final int DAY_MIN = 240;
  static final int DAY_MAX = 480;

  /** What the central team asks to schedule. */
  record Draft(
      LearningEventFormat format,
      LocalDateTime startsAt,
      int durationMinutes,
      LearningEventAudience audience,
      UUID phaseId,
      CoachingLevel level) {}

  private LearningEventRules() {}

  /** Refuses a draft that breaks a rule, naming the field at fault. */
  static void requireSchedulable(Draft d, WorkingDays workingDays) {
    if (d.audience() == LearningEventAudience.PHASE && d.phaseId() == null) {
      throw RuleViolationException.unprocessable(
          "phase-required", "phaseId", "An event for one phase names the phase");
    }
    if (d.audience() != LearningEventAudience.PHASE && d.phaseId() != null) {
      throw RuleViolationException.unprocessable(
          "phase-not-expected", "phaseId", "Only an event for one phase names a phase");
    }
    if (d.audience() == LearningEventAudience.LEVEL && d.level() == null) {
      throw RuleViolationException.unprocessable(
          "level-required", "level", "An event for one coaching level names the level");
    }
    if (d.audience() != LearningEventAudience.LEVEL && d.level() != null) {
      throw RuleViolationException.unprocessable(
          "level-not-expected", "level", "Only an event for one coaching level names a level");
    }
    int min = d.format() == LearningEventFormat.WEBINAR ? WEBINAR_MIN : DAY_MIN;
    int max = d.format() == LearningEventFormat.WEBINAR ? WEBINAR_MAX : DAY_MAX;
    if (d.durationMinutes() < min || d.durationMinutes() > max) {
      throw RuleViolationException.unprocessable(
          "invalid-length",
          "durationMinutes",
          label(d.format()) + " lasts " + min + " to " + max + " minutes");
    }
    workingDays
        .nonWorkingReason(d.startsAt().toLocalDate())
        .ifPresent(
            day -> {
              throw RuleViolationException.unprocessable(
                  day.kind() == WorkingDays.NonWorkingDay.Kind.WEEKEND ? "weekend" : "bank-holiday",
                  "startsAt",
                  "Learning events are held on working days only: " + day.reason());
            });
    LocalTime start = d.startsAt().toLocalTime();
    LocalDateTime end = d.startsAt().plusMinutes(d.durationMinutes());
    if (start.isBefore(DAY_STARTS)
        || !end.toLocalDate().equals(d.startsAt().toLocalDate())
        || end.toLocalTime().isAfter(DAY_ENDS)) {
      throw RuleViolationException.unprocessable(
          "outside-working-hours",
          "startsAt",
          "A learning event runs between " + DAY_STARTS + " and " + DAY_ENDS + ", London time");
    }
  }

  /** Whether an event invites a team enrolled in the given phase. */
  static boolean invitesTeam(LearningEventAudience audience, UUID eventPhaseId, UUID teamPhaseId) {
    return audience != LearningEventAudience.PHASE || eventPhaseId.equals(teamPhaseId);
  }

  /**
   * Whether an event invites a coach: every coach for all teams, those coaching in the phase for
   * one phase, those delivering the level for one level.
   *
   * @param coachPhases the phases the coach has sessions in
   */
  static boolean invitesCoach(
      LearningEventAudience audience,
      UUID eventPhaseId,
      CoachingLevel level,
      Set<UUID> coachPhases,
      boolean deliversExecutive,
      boolean deliversServiceLevel) {
    return switch (audience) {
      case ALL_TEAMS -> true;
      case PHASE -> coachPhases.contains(eventPhaseId);
      case LEVEL -> level == CoachingLevel.EXECUTIVE ? deliversExecutive : deliversServiceLevel;
    };
  }

  /** Refuses attendance of an event that has not started yet. */
  static void requireStarted(Instant startsAt, Instant now) {
    if (startsAt.isAfter(now)) {
      throw RuleViolationException.conflict(
          "event-not-started",
          "learningEventId",
          "The learning event starts at " + startsAt + ": attendance is recorded once it began");
    }
  }

  private static String label(LearningEventFormat format) {
    return format == LearningEventFormat.WEBINAR ? "A webinar" : "An in-person day";
  }
}
