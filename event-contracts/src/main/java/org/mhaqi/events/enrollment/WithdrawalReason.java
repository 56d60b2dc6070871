package org.mhaqi.events.enrollment;

/**
 * Why a service withdrew from its phase, as a code: the words, if any, stay in enrollment-service,
 * where they can be redacted. New codes may be added; consumers treat an unknown one as {@link
 * #OTHER}.
 */
public enum WithdrawalReason {
  /** The service closed, or merged with another. */
  SERVICE_CLOSED_OR_MERGED,
  /** The team cannot release the staff time the programme needs. */
  STAFFING_PRESSURES,
  /** The organisation chose other priorities for the service. */
  ORGANISATIONAL_PRIORITIES,
  /** Any other reason; also what a version 1 event, which carried words, reads as. */
  OTHER
}
