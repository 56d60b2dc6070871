package org.mhaqi.notification.contact;

/** The kinds of message a contact chooses to receive. */
public enum MessageKind {
  /** A service admitted, waitlisted, declined, promoted from the waitlist or withdrawn. */
  ENROLLMENT_DECISIONS,
  /** A coaching session booked, moved or cancelled, with its calendar invitation. */
  SESSION_INVITATIONS,
  /** A reminder the working day before each session. */
  SESSION_REMINDERS,
  /** A data return due in five working days, and overdue. */
  DATA_RETURNS,
  /** A special cause on one of the service's charts (for its QI lead). */
  SPECIAL_CAUSES,
  /** The central team's weekly digest. */
  WEEKLY_DIGEST
}
