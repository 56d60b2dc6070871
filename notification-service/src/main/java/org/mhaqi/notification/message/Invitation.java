package org.mhaqi.notification.message;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;

/**
 * A session's calendar invitation (RFC 5546): METHOD:REQUEST for a booked or moved session,
 * METHOD:CANCEL for a cancelled one. The UID is coaching-service's for the session (its feeds use
 * the same), and SEQUENCE grows with each change, so that Outlook updates the invitation in place.
 *
 * @param method "REQUEST" or "CANCEL"
 */
record Invitation(
    String method,
    UUID sessionId,
    int sequence,
    LocalDateTime startsAt,
    ZoneId zone,
    int minutes,
    String summary,
    String organiser,
    String attendee,
    Instant stamp) {

  static final String PRODUCT_ID = "-//MHA QI programme//notification-service//EN";

  /** coaching-service's UID scheme (CalendarFeeds): the session id at its domain. */
  static final String UID_DOMAIN = "@coaching.mhaqi";

  private static final TimeZoneRegistry TIME_ZONES =
      TimeZoneRegistryFactory.getInstance().createRegistry();

  static final String REQUEST = "REQUEST";
  static final String CANCEL = "CANCEL";

  String render() {
    ZonedDateTime start = startsAt.atZone(zone);
    VEvent event = new VEvent(start, start.plusMinutes(minutes), summary);
    event.add(new Uid(sessionId + UID_DOMAIN));
    event.add(new Sequence(sequence));
    event.add(new DtStamp(stamp));
    event.add(new Organizer(URI.create("mailto:" + organiser)));
    event.add(new Attendee(URI.create("mailto:" + attendee)));
    event.add(
        CANCEL.equals(method)
            ? ImmutableStatus.VEVENT_CANCELLED
            : ImmutableStatus.VEVENT_CONFIRMED);
    Calendar calendar =
        new Calendar()
            .withProdId(PRODUCT_ID)
            .withDefaults()
            .withProperty(CANCEL.equals(method) ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST)
            // DTSTART names its zone (TZID): RFC 5545 wants the zone's definition beside it.
            .withComponent(TIME_ZONES.getTimeZone(zone.getId()).getVTimeZone())
            .withComponent(event)
            .getFluentTarget();
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
