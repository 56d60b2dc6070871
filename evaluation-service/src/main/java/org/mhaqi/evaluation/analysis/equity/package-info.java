/** Equity between ethnic groups: rate ratios with 95% confidence intervals; pure functions. */
package org.mhaqi.evaluation.analysis.equity;
