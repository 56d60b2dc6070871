/**
 * The analyst's reports, relayed from evaluation-service with the user's token: each phase's
 * findings, pilot against wider, equity, and the CSV and SVG downloads as evaluation draws them.
 */
package org.mhaqi.console.analysis;
