package org.mhaqi.evaluation.enrollment;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Writes enrolments straight into evaluation's view of them, for tests that need one only as a
 * fact, without the events that would make it; with the projection's own statement, so that the row
 * is the one an event would write.
 */
public final class EnrolledServiceRows {

  private final NamedParameterJdbcTemplate named;

  public EnrolledServiceRows(NamedParameterJdbcTemplate named) {
    this.named = named;
  }

  /** Inserts the enrolment or replaces what was known of it. */
  public void save(EnrolledService e) {
    named.update(
        EnrollmentProjection.UPSERT_SERVICE.formatted(EnrollmentProjection.ENROLLED_SERVICE),
        EnrollmentProjection.serviceParameters(e));
  }
}
