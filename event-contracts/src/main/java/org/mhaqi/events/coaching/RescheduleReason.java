package org.mhaqi.events.coaching;

/**
 * Why a session moved to another time or coach, as a code: the words, if any, stay in
 * coaching-service, where they can be redacted. New codes may be added; consumers treat an unknown
 * one as {@link #OTHER}.
 */
public enum RescheduleReason {
  /** The service asked for another time. */
  SERVICE_REQUEST,
  /** The coach cannot attend; the session moved or went to another coach. */
  COACH_UNAVAILABLE,
  /** Coaches were rebalanced by the programme team. */
  COACH_REASSIGNED,
  /** Any other reason; also what a version 1 event, which carried words, reads as. */
  OTHER
}
