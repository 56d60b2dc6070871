package org.mhaqi.evaluation.engagement;

/**
 * How counts of people attending are published. Counts of people are small numbers, so they go out
 * only through the programme's small-number suppression.
 *
 * <p>SEAM (issue 7): eval-analysis builds the suppression component in {@code
 * org.mhaqi.evaluation.suppression}. Until it is merged, {@link AttendanceSuppressionSeam}
 * withholds every count; when it lands, an adapter bean over that component replaces the
 * placeholder and nothing else here changes. There is deliberately no second implementation of the
 * rule here.
 */
@FunctionalInterface
public interface AttendanceSuppression {

  PublishedCount publish(long count);
}
