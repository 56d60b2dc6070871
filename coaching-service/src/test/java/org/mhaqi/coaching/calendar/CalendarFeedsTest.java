package org.mhaqi.coaching.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;
import org.mhaqi.coaching.learningevent.LearningEventView;
import org.mhaqi.coaching.plan.SessionStatus;
import org.mhaqi.coaching.plan.SessionView;
import org.mhaqi.events.coaching.CancellationCause;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.LearningEventAudience;
import org.mhaqi.events.coaching.LearningEventFormat;
import org.mhaqi.events.coaching.SessionKind;

class CalendarFeedsTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final CalendarFeeds feeds = new CalendarFeeds(LONDON);

  @Test
  void tenOClockSessionsEitherSideOfTheClockChangesParseBackAtTenLondonTime() throws Exception {
    SessionView beforeAutumn =
        session(LocalDateTime.of(2024, 10, 23, 10, 0), 0, SessionStatus.SCHEDULED);
    SessionView afterAutumn =
        session(LocalDateTime.of(2024, 10, 30, 10, 0), 0, SessionStatus.SCHEDULED);
    SessionView beforeSpring =
        session(LocalDateTime.of(2025, 3, 26, 10, 0), 0, SessionStatus.SCHEDULED);
    SessionView afterSpring =
        session(LocalDateTime.of(2025, 4, 2, 10, 0), 0, SessionStatus.SCHEDULED);

    String text =
        feeds.render(
            "Coaching sessions", List.of(afterAutumn, beforeAutumn, beforeSpring, afterSpring));
    Calendar calendar = new CalendarBuilder().build(new StringReader(text));

    assertThat(text).contains("DTSTART;TZID=Europe/London:20241023T100000");
    assertThat(text).contains("DTSTART;TZID=Europe/London:20241030T100000");
    List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
    assertThat(zones).hasSize(1);
    assertThat(zones.get(0).getTimeZoneId().getValue()).isEqualTo("Europe/London");
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    assertThat(events).hasSize(4);
    List<ZonedDateTime> starts =
        events.stream()
            .map(e -> ZonedDateTime.from(e.getStartDate().orElseThrow().getDate()))
            .toList();
    assertThat(starts)
        .allSatisfy(s -> assertThat(s.withZoneSameInstant(LONDON).getHour()).isEqualTo(10));
    assertThat(starts.stream().map(s -> s.toInstant().atOffset(ZoneOffset.UTC).getHour()).toList())
        .containsExactly(9, 10, 10, 9);
  }

  @Test
  void uidsAreStableSequenceFollowsTheRevisionAndCancelledSessionsStayListed() throws Exception {
    UUID id = UUID.randomUUID();
    SessionView moved =
        withId(session(LocalDateTime.of(2025, 1, 15, 11, 30), 2, SessionStatus.SCHEDULED), id);
    SessionView cancelled =
        session(LocalDateTime.of(2025, 1, 22, 10, 0), 1, SessionStatus.CANCELLED);

    Calendar calendar =
        new CalendarBuilder()
            .build(new StringReader(feeds.render("Feed", List.of(moved, cancelled))));
    Calendar again =
        new CalendarBuilder()
            .build(new StringReader(feeds.render("Feed", List.of(moved, cancelled))));

    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    VEvent first = events.get(0);
    assertThat(first.getUid().orElseThrow().getValue()).isEqualTo(id + "@coaching.mhaqi");
    assertThat(first.getSequence().getSequenceNo()).isEqualTo(2);
    assertThat(first.getStatus().getValue()).isEqualTo("CONFIRMED");
    VEvent second = events.get(1);
    assertThat(second.getStatus().getValue()).isEqualTo("CANCELLED");
    assertThat(second.getSequence().getSequenceNo()).isEqualTo(1);
    assertThat(((VEvent) again.getComponents(Component.VEVENT).get(0)).getUid())
        .isEqualTo(first.getUid());
    assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("PUBLISH");
    assertThat(calendar.getProperty(Property.PRODID).orElseThrow().getValue())
        .isEqualTo(CalendarFeeds.PRODUCT_ID);
  }

  @Test
  void aFullDayRunsFromItsStartForEightHours() throws Exception {
    SessionView day =
        new SessionView(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY,
            SessionKind.IMPROVEMENT_DAY,
            LocalDateTime.of(2024, 10, 17, 9, 0),
            LocalDateTime.of(2024, 10, 17, 17, 0),
            "Europe/London",
            Instant.parse("2024-10-17T08:00:00Z"),
            480,
            LocalDateTime.of(2024, 10, 17, 9, 0),
            UUID.randomUUID(),
            true,
            SessionStatus.SCHEDULED,
            0,
            null,
            null,
            null,
            null,
            null,
            null,
            Instant.parse("2024-09-01T10:00:00Z"));

    String text = feeds.render("Feed", List.of(day));

    assertThat(text).contains("DTSTART;TZID=Europe/London:20241017T090000");
    assertThat(text).contains("DTEND;TZID=Europe/London:20241017T170000");
    assertThat(text).contains("SUMMARY:Improvement day");
  }

  private static SessionView session(LocalDateTime start, int revision, SessionStatus status) {
    return new SessionView(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY,
        SessionKind.COACHING_SESSION,
        start,
        start.plusMinutes(60),
        "Europe/London",
        start.atZone(LONDON).toInstant(),
        60,
        start,
        UUID.randomUUID(),
        true,
        status,
        revision,
        status == SessionStatus.CANCELLED ? CancellationCause.REQUESTED : null,
        status == SessionStatus.CANCELLED ? "Coach unwell" : null,
        null,
        null,
        null,
        null,
        Instant.parse("2024-09-01T10:00:00Z"));
  }

  private static SessionView withId(SessionView s, UUID id) {
    return new SessionView(
        id,
        s.planId(),
        s.enrollmentId(),
        s.serviceId(),
        s.level(),
        s.kind(),
        s.startsAt(),
        s.endsAt(),
        s.timeZone(),
        s.startsAtInstant(),
        s.durationMinutes(),
        s.originalStartsAt(),
        s.coachId(),
        s.staffed(),
        s.status(),
        s.revision(),
        s.cancellationCause(),
        s.cancellationReason(),
        s.deliveredMinutes(),
        s.attendance(),
        s.attendeeMemberIds(),
        s.livedExperiencePartnerTookPart(),
        s.updatedAt());
  }

  @Test
  void learningEventsAreListedBesideTheSessionsUnderTheirTitleAtLondonTime() throws Exception {
    UUID webinarId = UUID.randomUUID();
    Instant scheduledAt = Instant.parse("2024-09-02T12:00:00Z");
    LearningEventView summerWebinar =
        learningEvent(
            webinarId,
            "Sharing PDSA outcomes",
            LearningEventFormat.WEBINAR,
            LocalDateTime.of(2024, 10, 2, 14, 0),
            90,
            scheduledAt);
    LearningEventView winterDay =
        learningEvent(
            UUID.randomUUID(),
            "Restrictive practice day",
            LearningEventFormat.IN_PERSON_DAY,
            LocalDateTime.of(2024, 11, 12, 9, 0),
            420,
            scheduledAt);
    SessionView session = session(LocalDateTime.of(2024, 10, 9, 10, 0), 0, SessionStatus.SCHEDULED);

    String text =
        feeds.render("Programme coaching", List.of(session), List.of(winterDay, summerWebinar));
    Calendar calendar = new CalendarBuilder().build(new StringReader(text));

    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    assertThat(events).hasSize(3);
    assertThat(events.stream().map(e -> e.getSummary().getValue()).toList())
        .containsExactly(
            "Service coaching",
            "Learning webinar: Sharing PDSA outcomes",
            "Learning day: Restrictive practice day");
    VEvent webinar = events.get(1);
    assertThat(webinar.getUid().orElseThrow().getValue())
        .isEqualTo(webinarId + "@learning-events.coaching.mhaqi");
    assertThat(text).contains("DTSTART;TZID=Europe/London:20241002T140000");
    assertThat(text).contains("DTEND;TZID=Europe/London:20241002T153000");
    assertThat(text).contains("DTSTART;TZID=Europe/London:20241112T090000");
    assertThat(text).contains("DTEND;TZID=Europe/London:20241112T160000");
    assertThat(webinar.getSequence().getSequenceNo()).isZero();
    assertThat(webinar.getStatus().getValue()).isEqualTo("CONFIRMED");
    assertThat(webinar.getDescription().getValue())
        .isEqualTo("Programme learning event " + webinarId);
    assertThat(webinar.getDateTimeStamp().getDate()).isEqualTo(scheduledAt);
    assertThat(webinar.getLastModified().getDate()).isEqualTo(scheduledAt);
    // 14:00 London in British Summer Time is 13:00 UTC.
    assertThat(
            ZonedDateTime.from(webinar.getStartDate().orElseThrow().getDate())
                .toInstant()
                .atOffset(ZoneOffset.UTC)
                .getHour())
        .isEqualTo(13);
  }

  @Test
  void withoutLearningEventsTheFeedIsTheSessionsAlone() {
    SessionView session = session(LocalDateTime.of(2024, 10, 9, 10, 0), 0, SessionStatus.SCHEDULED);
    assertThat(feeds.render("Feed", List.of(session)))
        .isEqualTo(feeds.render("Feed", List.of(session), List.of()));
  }

  private static LearningEventView learningEvent(
      UUID id,
      String title,
      LearningEventFormat format,
      LocalDateTime startsAt,
      int minutes,
      Instant scheduledAt) {
    return new LearningEventView(
        id,
        title,
        format,
        startsAt,
        startsAt.plusMinutes(minutes),
        LONDON.getId(),
        startsAt.atZone(LONDON).toInstant(),
        minutes,
        LearningEventAudience.ALL_TEAMS,
        null,
        null,
        false,
        scheduledAt,
        0);
  }
}
