/**
 * Small-number suppression (as NHS Digital publishes restrictive-intervention figures), the one
 * component every published output (API reports, CSV exports, charts, events) goes through.
 */
package org.mhaqi.evaluation.suppression;
