/**
 * A service's charts and verdicts in a phase: evaluation-service's summary in words beside its own
 * SVG charts, fetched with the user's token and served by the console (never redrawn).
 */
package org.mhaqi.console.charts;
