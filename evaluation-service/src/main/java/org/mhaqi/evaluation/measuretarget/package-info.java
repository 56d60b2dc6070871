/**
 * Targets of the measure catalogue, set by the programme's central team for a measure, a phase or a
 * service, kept as versions; the most specific applies to a chart's assurance.
 */
package org.mhaqi.evaluation.measuretarget;
