package org.mhaqi.evaluation.engagement;

/**
 * How counts of people attending are published. Counts of people are small numbers, so they go out
 * only through the programme's small-number suppression.
 */
@FunctionalInterface
public interface AttendanceSuppression {

  PublishedCount publish(long count);
}
