package org.mhaqi.evaluation.engagement;

import java.math.BigDecimal;

/**
 * An enrolment's programme-wide learning events as the API publishes them, apart from its coaching.
 *
 * @param attended learning events the service attended
 * @param hours their planned length, summed
 * @param attendances people attending, summed over those events (suppressed)
 */
public record PublishedLearningEvents(long attended, BigDecimal hours, PublishedCount attendances) {

  static PublishedLearningEvents of(
      LearningEventAttendance.Figures f, AttendanceSuppression suppression) {
    return new PublishedLearningEvents(
        f.eventsAttended(),
        PublishedEngagement.hours(f.minutes()),
        suppression.publish(f.attendances()));
  }
}
