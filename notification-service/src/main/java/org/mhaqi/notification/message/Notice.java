package org.mhaqi.notification.message;

import org.mhaqi.notification.contact.MessageKind;

/** What a message tells, the kind of message contacts choose it by, and its template. */
public enum Notice {
  ADMITTED(MessageKind.ENROLLMENT_DECISIONS, "enrollment-decision"),
  PROMOTED(MessageKind.ENROLLMENT_DECISIONS, "enrollment-decision"),
  WAITLISTED(MessageKind.ENROLLMENT_DECISIONS, "enrollment-decision"),
  DECLINED(MessageKind.ENROLLMENT_DECISIONS, "enrollment-decision"),
  WITHDRAWN(MessageKind.ENROLLMENT_DECISIONS, "enrollment-decision"),
  SESSION_BOOKED(MessageKind.SESSION_INVITATIONS, "session"),
  SESSION_MOVED(MessageKind.SESSION_INVITATIONS, "session"),
  SESSION_CANCELLED(MessageKind.SESSION_INVITATIONS, "session"),
  /** To the coach a session was taken from: it leaves their calendar (METHOD:CANCEL). */
  SESSION_REASSIGNED(MessageKind.SESSION_INVITATIONS, "session"),
  SESSION_REMINDER(MessageKind.SESSION_REMINDERS, "session"),
  DATA_RETURN_DUE(MessageKind.DATA_RETURNS, "evaluation"),
  DATA_RETURN_OVERDUE(MessageKind.DATA_RETURNS, "evaluation"),
  SPECIAL_CAUSE(MessageKind.SPECIAL_CAUSES, "evaluation"),
  WEEKLY_DIGEST(MessageKind.WEEKLY_DIGEST, "digest");

  private final MessageKind kind;
  private final String template;

  Notice(MessageKind kind, String template) {
    this.kind = kind;
    this.template = template;
  }

  public MessageKind kind() {
    return kind;
  }

  /** Whether the message's invitation removes the session from the recipient's calendar. */
  boolean cancelsInvitation() {
    return this == SESSION_CANCELLED || this == SESSION_REASSIGNED;
  }

  String template() {
    return template;
  }
}
