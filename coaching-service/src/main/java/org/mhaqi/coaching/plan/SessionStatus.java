package org.mhaqi.coaching.plan;

/** Life cycle of a session: scheduled, then cancelled or completed; both are final. */
public enum SessionStatus {
  SCHEDULED,
  CANCELLED,
  COMPLETED
}
