package org.mhaqi.events;

/** Kafka topic names. A topic carries the events of one aggregate type, keyed by its id. */
public final class Topics {

  /** Every enrolment event, keyed by enrolment id. */
  public static final String ENROLLMENT_EVENTS = "enrollment.events";

  /**
   * Every phase of every programme as it opens (dates, capacity, coaching window), keyed by phase
   * id.
   */
  public static final String PROGRAMME_EVENTS = "programme.events";

  /**
   * Every provider organisation and the services it registers, keyed by organisation id, so an
   * organisation's services follow it in order.
   */
  public static final String ORGANISATION_EVENTS = "organisation.events";

  /** Every coaching event, keyed by the enrolment the coaching belongs to. */
  public static final String COACHING_EVENTS = "coaching.events";

  /** Every evaluation event, keyed by enrolment id. */
  public static final String EVALUATION_EVENTS = "evaluation.events";

  private Topics() {}
}
