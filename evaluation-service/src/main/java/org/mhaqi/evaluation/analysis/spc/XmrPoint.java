package org.mhaqi.evaluation.analysis.spc;

/**
 * One point of an XmR chart.
 *
 * @param value the observed value
 * @param variation its verdict
 * @param rule the rule that flagged it (the first in precedence), null for common cause
 * @param segment the index of the limits segment it belongs to (0 before the first rebase)
 * @param direction which way its special cause points: +1 up, -1 down, 0 for common cause (its side
 *     of the mean, or for a trend the trend's way)
 */
public record XmrPoint(
    double value, Variation variation, SpecialCauseRule rule, int segment, int direction) {}
