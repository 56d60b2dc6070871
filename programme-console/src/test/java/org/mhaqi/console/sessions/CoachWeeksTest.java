package org.mhaqi.console.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CoachWeeksTest {

  /** A Wednesday. */
  static final LocalDate TODAY = LocalDate.of(2026, 12, 9);

  static CoachingSession session(LocalDateTime start, String status, boolean staffed) {
    return new CoachingSession(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "EXECUTIVE",
        "COACHING_SESSION",
        start,
        start.plusHours(1),
        60,
        start,
        UUID.randomUUID(),
        staffed,
        status,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void sessionsFallIntoThisWeekAndNextWeekFromMondayInTimeOrder() {
    CoachingSession monday = session(LocalDateTime.of(2026, 12, 7, 9, 0), "COMPLETED", true);
    CoachingSession sunday = session(LocalDateTime.of(2026, 12, 13, 23, 0), "SCHEDULED", true);
    CoachingSession nextMonday = session(LocalDateTime.of(2026, 12, 14, 10, 0), "CANCELLED", true);
    CoachingSession later = session(LocalDateTime.of(2026, 12, 21, 10, 0), "SCHEDULED", true);
    CoachingSession before = session(LocalDateTime.of(2026, 12, 6, 10, 0), "SCHEDULED", true);

    CoachWeeks weeks = CoachWeeks.of(List.of(nextMonday, sunday, later, monday, before), TODAY);

    assertThat(weeks.toRecord()).extracting(CoachWeeks.Row::id).containsExactly(before.id());
    assertThat(weeks.from()).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(weeks.to()).isEqualTo(LocalDate.of(2026, 12, 20));
    assertThat(weeks.thisWeek())
        .extracting(CoachWeeks.Row::id)
        .containsExactly(monday.id(), sunday.id());
    assertThat(weeks.nextWeek()).extracting(CoachWeeks.Row::id).containsExactly(nextMonday.id());
    assertThat(weeks.thisWeek().get(0).open()).isFalse();
    assertThat(weeks.thisWeek().get(1).open()).isTrue();
  }

  @Test
  void onlyUnrecordedSessionsOfTheLastFourWeeksAreStillToRecord() {
    CoachingSession recorded = session(LocalDateTime.of(2026, 12, 4, 9, 0), "COMPLETED", true);
    CoachingSession cancelled = session(LocalDateTime.of(2026, 12, 3, 9, 0), "CANCELLED", true);
    CoachingSession open = session(LocalDateTime.of(2026, 11, 9, 9, 0), "SCHEDULED", true);
    CoachingSession tooOld = session(LocalDateTime.of(2026, 11, 6, 9, 0), "SCHEDULED", true);

    CoachWeeks weeks = CoachWeeks.of(List.of(recorded, cancelled, open, tooOld), TODAY);

    assertThat(CoachWeeks.earliest(TODAY)).isEqualTo(LocalDate.of(2026, 11, 9));
    assertThat(weeks.toRecord()).extracting(CoachWeeks.Row::id).containsExactly(open.id());
  }

  @Test
  void aSessionReadsInThePogrammesWords() {
    CoachingSession s = session(LocalDateTime.of(2026, 12, 15, 10, 0), "SCHEDULED", true);
    CoachWeeks.Row row = CoachWeeks.of(List.of(s), TODAY).nextWeek().get(0);

    assertThat(row.when()).isEqualTo("Tuesday 15 December 2026, 10:00 to 11:00");
    assertThat(row.what()).isEqualTo("Coaching session, executive");
    assertThat(row.status()).isEqualTo("Scheduled");
    assertThat(row.tagColour()).isEqualTo("nhsuk-tag--blue");
    assertThat(CoachWeeks.status(session(s.startsAt(), "SCHEDULED", false)))
        .isEqualTo("No coach yet");
    assertThat(CoachWeeks.tagColour(session(s.startsAt(), "SCHEDULED", false)))
        .isEqualTo("nhsuk-tag--orange");
    assertThat(CoachWeeks.status(session(s.startsAt(), "COMPLETED", true))).isEqualTo("Completed");
    assertThat(CoachWeeks.tagColour(session(s.startsAt(), "CANCELLED", true)))
        .isEqualTo("nhsuk-tag--grey");
  }

  @Test
  void aDeliveredSessionsPageSaysWhoCameAndAMovedOneWhenItWasFirstPlanned() {
    LocalDateTime start = LocalDateTime.of(2026, 12, 15, 10, 0);
    CoachingSession delivered =
        new CoachingSession(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY",
            "IMPROVEMENT_DAY",
            start,
            start.plusHours(6),
            360,
            start.minusDays(1),
            UUID.randomUUID(),
            true,
            "COMPLETED",
            null,
            null,
            300,
            Map.of("FRONTLINE_STAFF", 5, "LIVED_EXPERIENCE_PARTNER", 1),
            true);

    SessionPage page = SessionPage.of(delivered);

    assertThat(page.what()).isEqualTo("Improvement day, service leadership and frontline delivery");
    assertThat(page.open()).isFalse();
    assertThat(page.delivered()).isEqualTo("300 minutes");
    assertThat(page.originally()).isEqualTo("Monday 14 December 2026, 10:00");
    assertThat(page.attendance())
        .containsExactly(
            new SessionPage.Attended("Frontline staff", 5),
            new SessionPage.Attended("Lived experience partners", 1));
    assertThat(page.partner()).isEqualTo("Yes");
    assertThat(page.date()).isEqualTo("2026-12-15");
    assertThat(page.time()).isEqualTo("10:00");
    assertThat(SessionPage.of(session(start, "SCHEDULED", true)).originally()).isNull();
  }
}
