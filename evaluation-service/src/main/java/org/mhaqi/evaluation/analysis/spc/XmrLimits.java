package org.mhaqi.evaluation.analysis.spc;

/**
 * The centre line and limits of one segment of an XmR chart (the whole series unless rebased).
 *
 * @param firstPoint index of the segment's first point in the series
 * @param lastPoint index of its last point
 * @param baselinePoints how many points (from the segment's first) the limits are computed from
 * @param mean the centre line
 * @param meanMovingRange the mean of the baseline's moving ranges |x_i - x_(i-1)|
 * @param upperProcessLimit mean + 2.66 x mean moving range
 * @param lowerProcessLimit mean - 2.66 x mean moving range
 * @param upperNearLimit mean + 1.773 x mean moving range: beyond it a point is near a limit
 * @param lowerNearLimit mean - 1.773 x mean moving range
 * @param trial true when the baseline has fewer than 12 points
 */
public record XmrLimits(
    int firstPoint,
    int lastPoint,
    int baselinePoints,
    double mean,
    double meanMovingRange,
    double upperProcessLimit,
    double lowerProcessLimit,
    double upperNearLimit,
    double lowerNearLimit,
    boolean trial) {}
