package org.mhaqi.events.coaching;

/**
 * Why a session was cancelled on request, as a code: the words, if any, stay in coaching-service,
 * where they can be redacted. New codes may be added; consumers treat an unknown one as {@link
 * #OTHER}.
 */
public enum SessionCancellationReason {
  /** The service cannot attend, e.g. clinical pressures on the ward. */
  SERVICE_UNAVAILABLE,
  /** The coach cannot attend and no other coach can take the session. */
  COACH_UNAVAILABLE,
  /** The session is no longer needed, e.g. its work was covered in another. */
  NO_LONGER_NEEDED,
  /** Any other reason; also what a version 1 event, which carried words, reads as. */
  OTHER
}
