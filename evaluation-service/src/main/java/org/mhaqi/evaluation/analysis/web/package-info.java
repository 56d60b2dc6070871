/**
 * The analysis API evaluators call on any series: {@code POST /api/analysis/spc} and {@code POST
 * /api/analysis/rate-ratio}, with the contract issue 7 fixes.
 */
package org.mhaqi.evaluation.analysis.web;
