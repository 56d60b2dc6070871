package org.mhaqi.coaching.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.FluentCalendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import org.mhaqi.coaching.learningevent.LearningEventView;
import org.mhaqi.coaching.plan.SessionStatus;
import org.mhaqi.coaching.plan.SessionView;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.LearningEventFormat;
import org.mhaqi.events.coaching.SessionKind;

/**
 * Renders sessions as an iCalendar feed. A session's UID is derived from its id and never changes;
 * SEQUENCE is the session's revision, so subscribed calendars replace the old version after a
 * reschedule or cancellation. Cancelled sessions stay in the feed with STATUS:CANCELLED so clients
 * remove them. No personal data: summaries name the level and kind, descriptions ids only.
 * Programme-wide learning events the calendar's owner is invited to are listed beside the sessions,
 * under their title (the central team's words), with a UID of their own.
 */
public final class CalendarFeeds {

  static final String PRODUCT_ID = "-//MHA QI programme//coaching-service//EN";
  static final String UID_DOMAIN = "@coaching.mhaqi";
  static final String LEARNING_UID_DOMAIN = "@learning-events.coaching.mhaqi";

  private final TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
  private final ZoneId zone;

  public CalendarFeeds(ZoneId zone) {
    this.zone = zone;
  }

  /** The feed of the sessions under the given calendar name. */
  public String render(String name, List<SessionView> sessions) {
    return render(name, sessions, List.of());
  }

  /** The feed of the sessions and the learning events under the given calendar name. */
  public String render(
      String name, List<SessionView> sessions, List<LearningEventView> learningEvents) {
    FluentCalendar calendar =
        new Calendar()
            .withProdId(PRODUCT_ID)
            .withDefaults()
            .withProperty(ImmutableMethod.PUBLISH)
            .withProperty(new XProperty("X-WR-CALNAME", name))
            .withProperty(new XProperty("X-WR-TIMEZONE", zone.getId()))
            .withComponent(registry.getTimeZone(zone.getId()).getVTimeZone());
    sessions.stream()
        .sorted(Comparator.comparing(SessionView::startsAt).thenComparing(SessionView::id))
        .map(this::event)
        .forEach(calendar::withComponent);
    learningEvents.stream()
        .sorted(
            Comparator.comparing(LearningEventView::startsAt).thenComparing(LearningEventView::id))
        .map(this::event)
        .forEach(calendar::withComponent);
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(calendar.getFluentTarget(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private VEvent event(SessionView s) {
    ZoneId sessionZone = ZoneId.of(s.timeZone());
    ZonedDateTime start = s.startsAt().atZone(sessionZone);
    ZonedDateTime end = s.endsAt().atZone(sessionZone);
    VEvent event = new VEvent(start, end, summary(s));
    event.add(new Uid(s.id() + UID_DOMAIN));
    event.add(new DtStamp(s.updatedAt()));
    event.add(new LastModified(s.updatedAt()));
    event.add(new Sequence(s.revision()));
    event.add(
        s.status() == SessionStatus.CANCELLED
            ? ImmutableStatus.VEVENT_CANCELLED
            : ImmutableStatus.VEVENT_CONFIRMED);
    event.add(new Description(description(s)));
    return event;
  }

  private VEvent event(LearningEventView e) {
    ZoneId eventZone = ZoneId.of(e.timeZone());
    VEvent event =
        new VEvent(e.startsAt().atZone(eventZone), e.endsAt().atZone(eventZone), summary(e));
    event.add(new Uid(e.id() + LEARNING_UID_DOMAIN));
    event.replace(new DtStamp(e.scheduledAt()));
    event.add(new LastModified(e.scheduledAt()));
    event.add(new Sequence(0));
    event.add(ImmutableStatus.VEVENT_CONFIRMED);
    event.add(new Description("Programme learning event " + e.id()));
    return event;
  }

  static String summary(LearningEventView e) {
    return (e.format() == LearningEventFormat.WEBINAR ? "Learning webinar: " : "Learning day: ")
        + e.title();
  }

  static String summary(SessionView s) {
    String what =
        s.kind() == SessionKind.IMPROVEMENT_DAY
            ? "Improvement day"
            : s.level() == CoachingLevel.EXECUTIVE ? "Executive coaching" : "Service coaching";
    String status =
        switch (s.status()) {
          case CANCELLED -> " (cancelled)";
          case COMPLETED -> " (delivered)";
          case SCHEDULED -> s.staffed() ? "" : " (no coach yet)";
        };
    return what + status;
  }

  private static String description(SessionView s) {
    StringBuilder text =
        new StringBuilder()
            .append("Enrollment ")
            .append(s.enrollmentId())
            .append("\nSession ")
            .append(s.id())
            .append("\nCoach ")
            .append(s.coachId() == null ? "not yet assigned" : s.coachId());
    if (s.cancellationReason() != null) {
      text.append("\nCancelled: ").append(s.cancellationReason());
    }
    return text.toString();
  }
}
