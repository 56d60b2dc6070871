/**
 * Monthly data returns: aggregate numerators and denominators per stratum, per enrolled service,
 * measure and month, validated, versioned by correction, taken as JSON or CSV, and chased when
 * overdue.
 */
package org.mhaqi.evaluation.datareturn;
