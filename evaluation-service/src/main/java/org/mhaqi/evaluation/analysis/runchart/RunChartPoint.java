package org.mhaqi.evaluation.analysis.runchart;

/**
 * One point of a run chart.
 *
 * @param value the observed value
 * @param shift part of 6 or more consecutive points on one side of the median
 * @param trend part of 5 or more consecutive rising or falling points
 */
public record RunChartPoint(double value, boolean shift, boolean trend) {}
