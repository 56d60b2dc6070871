package org.mhaqi.support.audit;

/**
 * The name of a transaction that only prepares scratch data, such as staging tables that a later
 * transaction swaps in: no record of the programme changes in it, so the audit trail leaves it out
 * and audits the transaction that makes the change. Were it audited, a request that failed after it
 * (and changed nothing) would still leave an audit row. Set it as the transaction's name, e.g.
 * {@code template.setName(ScratchWork.TRANSACTION_NAME)}.
 */
public final class ScratchWork {

  public static final String TRANSACTION_NAME = "mhaqi:scratch-work";

  private ScratchWork() {}
}
