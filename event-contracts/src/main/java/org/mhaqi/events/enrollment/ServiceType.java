package org.mhaqi.events.enrollment;

/** Inpatient service or ward team types the programme works with. */
public enum ServiceType {
  ADULT_ACUTE,
  PICU,
  FORENSIC_SECURE,
  CAMHS_INPATIENT,
  OLDER_ADULT,
  LEARNING_DISABILITY_AND_AUTISM,
  REHABILITATION
}
