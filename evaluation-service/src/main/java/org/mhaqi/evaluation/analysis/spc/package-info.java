/**
 * Making Data Count XmR charts: process limits, every special-cause rule, variation and assurance
 * verdicts, trial limits, baselines and rebasing; pure functions without Spring.
 */
package org.mhaqi.evaluation.analysis.spc;
