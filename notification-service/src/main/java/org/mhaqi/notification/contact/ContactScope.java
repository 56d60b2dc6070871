package org.mhaqi.notification.contact;

/** Whose messages a contact receives. */
public enum ContactScope {
  /** Every service of one organisation (an ODS code). */
  ORGANISATION,
  /** One service. */
  SERVICE,
  /** One coach's sessions. */
  COACH,
  /** The programme's central team. */
  CENTRAL_TEAM
}
