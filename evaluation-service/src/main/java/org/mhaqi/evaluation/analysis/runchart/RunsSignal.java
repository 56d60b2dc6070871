package org.mhaqi.evaluation.analysis.runchart;

/** A runs test that fails: the series crosses its median too seldom or too often. */
public enum RunsSignal {
  TOO_FEW,
  TOO_MANY
}
