package org.mhaqi.evaluation.chart;

/**
 * A change to mark on a chart: a vertical line at one of its points with a short number on it, the
 * number standing for the words listed beneath the chart.
 *
 * @param index the point the change is drawn at (its month's, or the first month after it)
 * @param number what the mark is called on the chart and in the list beneath it
 * @param label the change in words, its tooltip
 */
public record ChartMark(int index, String number, String label) {}
