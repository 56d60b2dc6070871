package org.mhaqi.coaching.learningevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mhaqi.events.coaching.CoachingLevel.EXECUTIVE;
import static org.mhaqi.events.coaching.CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY;
import static org.mhaqi.events.coaching.LearningEventAudience.ALL_TEAMS;
import static org.mhaqi.events.coaching.LearningEventAudience.LEVEL;
import static org.mhaqi.events.coaching.LearningEventAudience.PHASE;
import static org.mhaqi.events.coaching.LearningEventFormat.IN_PERSON_DAY;
import static org.mhaqi.events.coaching.LearningEventFormat.WEBINAR;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mhaqi.coaching.learningevent.LearningEventRules.Draft;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.LearningEventAudience;
import org.mhaqi.events.coaching.LearningEventFormat;
import org.mhaqi.support.web.RuleViolationException;
import org.mhaqi.support.workingdays.WorkingDays;
import org.springframework.http.HttpStatus;

class LearningEventRulesTest {

  static final WorkingDays WORKING_DAYS = WorkingDays.englandAndWales();

  /** A Monday, the day after the clocks went back (27 October 2024). */
  static final LocalDateTime MONDAY_TEN = LocalDateTime.parse("2024-10-28T10:00");

  static Draft draft(
      LearningEventFormat format,
      LocalDateTime startsAt,
      int minutes,
      LearningEventAudience audience,
      UUID phaseId,
      CoachingLevel level) {
    return new Draft(format, startsAt, minutes, audience, phaseId, level);
  }

  static Draft webinar(LocalDateTime startsAt, int minutes) {
    return draft(WEBINAR, startsAt, minutes, ALL_TEAMS, null, null);
  }

  static void ok(Draft d) {
    assertThatCode(() -> LearningEventRules.requireSchedulable(d, WORKING_DAYS))
        .doesNotThrowAnyException();
  }

  static RuleViolationException refused(Draft d) {
    RuleViolationException e =
        catchThrowableOfType(
            RuleViolationException.class,
            () -> LearningEventRules.requireSchedulable(d, WORKING_DAYS));
    assertThat(e).as("refused: %s", d).isNotNull();
    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    return e;
  }

  static void refused(Draft d, String code, String field) {
    RuleViolationException e = refused(d);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.field()).isEqualTo(field);
  }

  @Test
  void anHourWebinarOnAWorkingDayForEveryTeamIsScheduled() {
    ok(webinar(MONDAY_TEN, 60));
    ok(draft(WEBINAR, MONDAY_TEN, 60, PHASE, UUID.randomUUID(), null));
    ok(draft(IN_PERSON_DAY, MONDAY_TEN, 420, LEVEL, null, EXECUTIVE));
  }

  @Test
  void anAudienceNamesExactlyWhatItIsFor() {
    refused(draft(WEBINAR, MONDAY_TEN, 60, PHASE, null, null), "phase-required", "phaseId");
    refused(
        draft(WEBINAR, MONDAY_TEN, 60, ALL_TEAMS, UUID.randomUUID(), null),
        "phase-not-expected",
        "phaseId");
    refused(
        draft(WEBINAR, MONDAY_TEN, 60, LEVEL, UUID.randomUUID(), EXECUTIVE),
        "phase-not-expected",
        "phaseId");
    refused(draft(WEBINAR, MONDAY_TEN, 60, LEVEL, null, null), "level-required", "level");
    refused(
        draft(WEBINAR, MONDAY_TEN, 60, ALL_TEAMS, null, EXECUTIVE), "level-not-expected", "level");
    refused(
        draft(WEBINAR, MONDAY_TEN, 60, PHASE, UUID.randomUUID(), EXECUTIVE),
        "level-not-expected",
        "level");
  }

  @ParameterizedTest
  @CsvSource({
    "WEBINAR, 14, false",
    "WEBINAR, 15, true",
    "WEBINAR, 240, true",
    "WEBINAR, 241, false",
    "IN_PERSON_DAY, 239, false",
    "IN_PERSON_DAY, 240, true",
    "IN_PERSON_DAY, 480, true",
    "IN_PERSON_DAY, 481, false"
  })
  void aWebinarLastsUpToFourHoursAndADayFourToEight(
      LearningEventFormat format, int minutes, boolean allowed) {
    Draft d =
        draft(format, LocalDateTime.parse("2024-10-28T08:00"), minutes, ALL_TEAMS, null, null);
    if (allowed) {
      ok(d);
    } else {
      refused(d, "invalid-length", "durationMinutes");
      assertThat(refused(d).getMessage())
          .startsWith(format == WEBINAR ? "A webinar lasts" : "An in-person day lasts");
    }
  }

  @Test
  void weekendsAndBankHolidaysAreRefused() {
    RuleViolationException weekend = refused(webinar(MONDAY_TEN.minusDays(2), 60));
    assertThat(weekend.code()).isEqualTo("weekend");
    assertThat(weekend.field()).isEqualTo("startsAt");
    assertThat(weekend.getMessage()).contains("Saturday");
    RuleViolationException christmas =
        refused(webinar(LocalDateTime.parse("2024-12-25T10:00"), 60));
    assertThat(christmas.code()).isEqualTo("bank-holiday");
    assertThat(christmas.field()).isEqualTo("startsAt");
    assertThat(christmas.getMessage()).contains("Christmas Day");
  }

  @ParameterizedTest
  @CsvSource({
    "2024-10-28T07:59, 60, false",
    "2024-10-28T08:00, 60, true",
    "2024-10-28T17:00, 60, true",
    "2024-10-28T17:01, 60, false",
    // Past midnight: the end's time of day alone would pass.
    "2024-10-28T22:00, 240, false"
  })
  void anEventRunsInsideTheWorkingDay(LocalDateTime startsAt, int minutes, boolean allowed) {
    Draft d = webinar(startsAt, minutes);
    if (allowed) {
      ok(d);
    } else {
      refused(d, "outside-working-hours", "startsAt");
    }
  }

  @Test
  void anEventAlreadyHeldMayBeRecordedAfterwards() {
    ok(webinar(LocalDateTime.parse("2024-07-01T10:00"), 60));
  }

  @Test
  void aPhasesEventInvitesOnlyThatPhasesTeams() {
    UUID phase = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    assertThat(LearningEventRules.invitesTeam(PHASE, phase, phase)).isTrue();
    assertThat(LearningEventRules.invitesTeam(PHASE, phase, other)).isFalse();
    assertThat(LearningEventRules.invitesTeam(ALL_TEAMS, null, other)).isTrue();
    assertThat(LearningEventRules.invitesTeam(LEVEL, null, other)).isTrue();
  }

  @Test
  void aLevelsEventInvitesTheCoachesOfThatLevel() {
    Set<UUID> none = Set.of();
    assertThat(LearningEventRules.invitesCoach(LEVEL, null, EXECUTIVE, none, true, false)).isTrue();
    assertThat(LearningEventRules.invitesCoach(LEVEL, null, EXECUTIVE, none, false, true))
        .isFalse();
    assertThat(
            LearningEventRules.invitesCoach(
                LEVEL, null, SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY, none, false, true))
        .isTrue();
    assertThat(
            LearningEventRules.invitesCoach(
                LEVEL, null, SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY, none, true, false))
        .isFalse();
  }

  @Test
  void everyCoachIsInvitedForAllTeamsAndThePhasesCoachesForOnePhase() {
    UUID phase = UUID.randomUUID();
    assertThat(LearningEventRules.invitesCoach(ALL_TEAMS, null, null, Set.of(), true, true))
        .isTrue();
    assertThat(LearningEventRules.invitesCoach(PHASE, phase, null, Set.of(phase), true, true))
        .isTrue();
    assertThat(
            LearningEventRules.invitesCoach(
                PHASE, phase, null, Set.of(UUID.randomUUID()), true, true))
        .isFalse();
  }

  @Test
  void attendanceIsRecordedOnceTheEventBegan() {
    Instant start = Instant.parse("2024-10-28T10:00:00Z");
    assertThatCode(() -> LearningEventRules.requireStarted(start, start))
        .doesNotThrowAnyException();
    assertThatCode(() -> LearningEventRules.requireStarted(start, start.plusSeconds(1)))
        .doesNotThrowAnyException();
    RuleViolationException early =
        catchThrowableOfType(
            RuleViolationException.class,
            () -> LearningEventRules.requireStarted(start, start.minusSeconds(1)));
    assertThat(early.status()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.code()).isEqualTo("event-not-started");
  }
}
