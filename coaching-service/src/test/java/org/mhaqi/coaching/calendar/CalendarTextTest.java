package org.mhaqi.coaching.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.mhaqi.coaching.plan.SessionStatus;
import org.mhaqi.coaching.plan.SessionView;
import org.mhaqi.events.coaching.CancellationCause;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionKind;

/** What a calendar entry says: level, kind and state in the summary, ids in the description. */
class CalendarTextTest {

  private static final LocalDateTime TEN = LocalDateTime.of(2024, 10, 23, 10, 0);
  private static final UUID ENROLMENT = new UUID(0, 7);
  private static final UUID SESSION = new UUID(0, 8);
  private static final UUID COACH = new UUID(0, 9);

  private static SessionView session(
      CoachingLevel level, SessionKind kind, SessionStatus status, UUID coach, String reason) {
    return new SessionView(
        SESSION,
        UUID.randomUUID(),
        ENROLMENT,
        UUID.randomUUID(),
        level,
        kind,
        TEN,
        TEN.plusMinutes(60),
        "Europe/London",
        TEN.atZone(ZoneId.of("Europe/London")).toInstant(),
        60,
        TEN,
        coach,
        coach != null,
        status,
        0,
        reason == null ? null : CancellationCause.REQUESTED,
        reason,
        null,
        null,
        null,
        null,
        Instant.parse("2024-09-01T10:00:00Z"));
  }

  private static SessionView service(SessionStatus status, UUID coach) {
    return session(
        CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY,
        SessionKind.COACHING_SESSION,
        status,
        coach,
        null);
  }

  private static String description(SessionView s) throws Exception {
    String feed = new CalendarFeeds(ZoneId.of("Europe/London")).render("Feed", List.of(s));
    VEvent event =
        (VEvent)
            new CalendarBuilder()
                .build(new StringReader(feed))
                .getComponents(Component.VEVENT)
                .get(0);
    return event.getDescription().getValue();
  }

  @Test
  void theSummaryNamesTheLevelOrTheImprovementDay() {
    assertThat(CalendarFeeds.summary(service(SessionStatus.SCHEDULED, COACH)))
        .isEqualTo("Service coaching");
    assertThat(
            CalendarFeeds.summary(
                session(
                    CoachingLevel.EXECUTIVE,
                    SessionKind.COACHING_SESSION,
                    SessionStatus.SCHEDULED,
                    COACH,
                    null)))
        .isEqualTo("Executive coaching");
    assertThat(
            CalendarFeeds.summary(
                session(
                    CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY,
                    SessionKind.IMPROVEMENT_DAY,
                    SessionStatus.SCHEDULED,
                    COACH,
                    null)))
        .isEqualTo("Improvement day");
  }

  @Test
  void theSummarySaysWhenASessionIsCancelledDeliveredOrStillWithoutACoach() {
    assertThat(CalendarFeeds.summary(service(SessionStatus.CANCELLED, COACH)))
        .isEqualTo("Service coaching (cancelled)");
    assertThat(CalendarFeeds.summary(service(SessionStatus.COMPLETED, COACH)))
        .isEqualTo("Service coaching (delivered)");
    assertThat(CalendarFeeds.summary(service(SessionStatus.SCHEDULED, null)))
        .isEqualTo("Service coaching (no coach yet)");
  }

  @Test
  void theDescriptionCarriesIdsOnlyAndTheCancellationReason() throws Exception {
    assertThat(description(service(SessionStatus.SCHEDULED, COACH)))
        .isEqualTo("Enrollment " + ENROLMENT + "\nSession " + SESSION + "\nCoach " + COACH);
    assertThat(description(service(SessionStatus.SCHEDULED, null)))
        .isEqualTo("Enrollment " + ENROLMENT + "\nSession " + SESSION + "\nCoach not yet assigned");
    assertThat(
            description(
                session(
                    CoachingLevel.EXECUTIVE,
                    SessionKind.COACHING_SESSION,
                    SessionStatus.CANCELLED,
                    COACH,
                    "Ward closed")))
        .endsWith("\nCoach " + COACH + "\nCancelled: Ward closed");
  }
}
