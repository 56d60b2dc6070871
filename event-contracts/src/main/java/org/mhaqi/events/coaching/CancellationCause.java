package org.mhaqi.events.coaching;

/** Why a session was cancelled. */
public enum CancellationCause {
  /** Cancelled on request through the API, with a reason in words. */
  REQUESTED,
  /** The service withdrew from the phase; its future sessions are cancelled. */
  ENROLLMENT_WITHDRAWN,
  /**
   * The service completed its phase; its sessions after the completion are cancelled. Added after
   * the first release: consumers treat an unknown cause as an end of the plan.
   */
  ENROLLMENT_COMPLETED
}
