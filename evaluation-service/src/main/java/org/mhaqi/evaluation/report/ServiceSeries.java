package org.mhaqi.evaluation.report;

/**
 * One service's series of a measure in a phase, for the phase's small multiples: its published
 * months and its centre line, without its own SPC decisions or targets (those are its own page's).
 */
record ServiceSeries(String odsCode, MeasureReport measure) {}
