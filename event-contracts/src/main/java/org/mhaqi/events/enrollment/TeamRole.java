package org.mhaqi.events.enrollment;

/** Roles in a service's project team. */
public enum TeamRole {
  EXECUTIVE_SPONSOR,
  SENIOR_OPERATIONAL_LEADER,
  SERVICE_LEAD,
  FRONTLINE_STAFF,
  QI_LEAD,
  /** A person with lived experience who co-produces change ideas. */
  LIVED_EXPERIENCE_PARTNER
}
