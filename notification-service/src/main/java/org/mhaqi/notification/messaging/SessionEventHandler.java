package org.mhaqi.notification.messaging;

import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionCancelled;
import org.mhaqi.events.coaching.SessionEvent;
import org.mhaqi.events.coaching.SessionKind;
import org.mhaqi.events.coaching.SessionRescheduled;
import org.mhaqi.events.coaching.SessionScheduled;
import org.mhaqi.notification.message.Messages;
import org.mhaqi.notification.message.Notice;
import org.mhaqi.notification.message.SessionReminders;
import org.mhaqi.support.messaging.EventEnvelope;
import org.mhaqi.support.messaging.PoisonEventException;
import org.springframework.stereotype.Component;

/**
 * Writes session invitations: booked and moved ones as METHOD:REQUEST, cancelled ones as
 * METHOD:CANCEL, to the service's and its organisation's contacts and to the session's coach (a
 * coach a moved session was taken from gets a METHOD:CANCEL); and keeps each session's reminder at
 * its latest time.
 */
@Component
class SessionEventHandler {

  private final Messages messages;
  private final SessionReminders reminders;

  SessionEventHandler(Messages messages, SessionReminders reminders) {
    this.messages = messages;
    this.reminders = reminders;
  }

  void scheduled(SessionScheduled event, EventEnvelope envelope) {
    require(event, event.timeZone(), envelope);
    Messages.Session session = session(event, event.timeZone(), null, 0);
    messages.notifySession(
        envelope.id(), Notice.SESSION_BOOKED, event.serviceId(), event.coachId(), session);
    reminders.plan(event.serviceId(), event.coachId(), session);
  }

  void rescheduled(SessionRescheduled event, EventEnvelope envelope) {
    require(event, event.timeZone(), envelope);
    Messages.Session session =
        session(event, event.timeZone(), event.previousStartsAt(), event.revision());
    messages.notifySessionMoved(
        envelope.id(), event.serviceId(), event.coachId(), event.previousCoachId(), session);
    reminders.plan(event.serviceId(), event.coachId(), session);
  }

  void cancelled(SessionCancelled event, EventEnvelope envelope) {
    require(event, event.timeZone(), envelope);
    messages.notifySession(
        envelope.id(),
        Notice.SESSION_CANCELLED,
        event.serviceId(),
        event.coachId(),
        session(event, event.timeZone(), null, 0));
    reminders.cancel(event.sessionId());
  }

  private static Messages.Session session(
      SessionEvent event, String timeZone, java.time.LocalDateTime previous, int revision) {
    return new Messages.Session(
        event.sessionId(),
        summary(event),
        event.startsAt(),
        timeZone,
        event.plannedMinutes(),
        previous,
        revision);
  }

  /** As coaching-service's calendar feeds name sessions: no personal data. */
  static String summary(SessionEvent event) {
    if (event.kind() == SessionKind.IMPROVEMENT_DAY) {
      return "Improvement day";
    }
    return event.level() == CoachingLevel.EXECUTIVE
        ? "Executive coaching session"
        : "Service coaching session";
  }

  private static void require(SessionEvent event, String timeZone, EventEnvelope envelope) {
    if (event.sessionId() == null
        || event.serviceId() == null
        || event.startsAt() == null
        || timeZone == null) {
      throw new PoisonEventException(envelope + " lacks the session, service, time or time zone");
    }
    try {
      java.time.ZoneId.of(timeZone);
    } catch (java.time.DateTimeException e) {
      throw new PoisonEventException(envelope + " names an unknown time zone " + timeZone, e);
    }
  }
}
