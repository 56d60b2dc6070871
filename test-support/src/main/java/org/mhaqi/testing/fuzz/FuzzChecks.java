package org.mhaqi.testing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** What every service's fuzz test demands of the answers and of the audit trail. */
public final class FuzzChecks {

  private FuzzChecks() {}

  /**
   * Runs the fuzzer against a service whose database is {@code db} and checks its answers and the
   * audit rows it left ({@link #assertSafe}).
   */
  public static FuzzReport runSafely(ApiFuzzer fuzzer, DataSource db) {
    long lastAuditRow = single(db, "select coalesce(max(id), 0) from audit_event");
    FuzzReport report = fuzzer.run();
    assertSafe(report, fuzzRequestsAuditedAfter(db, lastAuditRow));
    return report;
  }

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

  private static long single(DataSource db, String sql) {
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> fuzzRequestsAuditedAfter(DataSource db, long lastAuditRow) {
    try (Connection connection = db.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select request_id from audit_event where id > ? and request_id like 'fuzz-%'")) {
      query.setLong(1, lastAuditRow);
      List<String> ids = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
