/**
 * XmR and run charts as SVG, coloured as Making Data Count colours them, with suppressed points
 * left undrawn, forest plots of equity rate ratios on a log scale; the chart endpoint of the
 * analysis API.
 */
package org.mhaqi.evaluation.chart;
