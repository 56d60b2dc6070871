package org.mhaqi.events.enrollment;

/**
 * Areas of the Mental Health Act reforms a learning-network provider may want to be involved in
 * later: codes, never free text.
 */
public enum MhaReformArea {
  /**
   * The new principles: choice and autonomy, least restriction, therapeutic benefit, the person.
   */
  PRINCIPLES,
  /** Tighter detention criteria and their reviews. */
  DETENTION_CRITERIA,
  /** Statutory care and treatment plans. */
  CARE_AND_TREATMENT_PLANS,
  /** The nominated person chosen by the patient. */
  NOMINATED_PERSON,
  /** Advance choice documents. */
  ADVANCE_CHOICE_DOCUMENTS,
  /** Independent mental health advocates, on an opt-out basis. */
  INDEPENDENT_ADVOCACY,
  /** Tribunals and hearings. */
  TRIBUNALS,
  /** Community treatment orders. */
  COMMUNITY_TREATMENT_ORDERS,
  /** People with a learning disability and autistic people. */
  LEARNING_DISABILITY_AND_AUTISM,
  /** Racial disparities (the Patient and Carer Race Equality Framework). */
  RACIAL_EQUALITY,
  /** Patients in the criminal justice system. */
  CRIMINAL_JUSTICE,
  /** Restrictive interventions and least restrictive practice. */
  RESTRICTIVE_PRACTICE
}
