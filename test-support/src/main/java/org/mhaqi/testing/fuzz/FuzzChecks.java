package org.mhaqi.testing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What every service's fuzz test demands of the answers and of the audit trail. */
public final class FuzzChecks {

  private FuzzChecks() {}

  /**
   * Prints the run's summary line and asserts: no request got a 5xx (or no answer); no request
   * answered 400 or more left an audit row (the row is written in the transaction of any change and
   * of the events it records, so none means nothing was written and nothing published); and, so
   * that this cannot pass by auditing nothing, some accepted writes did leave rows.
   *
   * @param auditedRequestIds request ids of the audit rows written while the fuzz ran
   */
  public static void assertSafe(FuzzReport report, Collection<String> auditedRequestIds) {
    System.out.println(report.summary());
    assertThat(report.failures().size()).as(report.failureReport()).isZero();

    Set<String> refusedButAudited = new HashSet<>(auditedRequestIds);
    refusedButAudited.retainAll(report.refusedRequestIds());
    assertThat(refusedButAudited)
        .as(
            "refused requests that changed something (seed=%d):%n%s",
            report.seed(),
            report.results().stream()
                .filter(r -> refusedButAudited.contains(r.request().requestId()))
                .map(r -> r.status() + " <- " + r.request().describe())
                .collect(Collectors.joining("\n")))
        .hasSize(0);

    Set<String> acceptedAndAudited = new HashSet<>(auditedRequestIds);
    acceptedAndAudited.retainAll(report.acceptedWriteRequestIds());
    assertThat(acceptedAndAudited.size())
        .as("accepted writes with an audit row (%s)", report.summary())
        .isPositive();
  }
}
