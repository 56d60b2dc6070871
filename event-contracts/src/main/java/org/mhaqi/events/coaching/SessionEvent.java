package org.mhaqi.events.coaching;

import java.time.LocalDateTime;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;

/**
 * What every event of one coaching session says of it, so that a consumer reads the session's
 * identity and timing once for all of them. The records' components are the wire format; this
 * interface adds nothing to it.
 */
public interface SessionEvent extends DomainEvent {

  UUID sessionId();

  UUID planId();

  UUID enrollmentId();

  UUID serviceId();

  UUID phaseId();

  CoachingLevel level();

  SessionKind kind();

  /** Wall-clock start (as of this event) in the event's time zone. */
  LocalDateTime startsAt();

  int plannedMinutes();
}
