/**
 * IHI run charts (Perla, Provost and Murray 2011) for short series: median, shifts, trends and the
 * runs test against the published runs table; pure functions without Spring.
 */
package org.mhaqi.evaluation.analysis.runchart;
