package org.mhaqi.events.enrollment;

/** Why an expression of interest was declined. */
public enum DeclineReason {
  /** Only NHS providers are enrolled; the provider joins the learning network instead. */
  PROVIDER_NOT_ELIGIBLE,
  /** The central programme team declined it, with a reason in words. */
  PROGRAMME_DECISION
}
