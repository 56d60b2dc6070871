package org.mhaqi.evaluation.datareturn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mhaqi.evaluation.datareturn.StoredReturn.Stratum;
import org.mhaqi.evaluation.measure.Measure;
import org.mhaqi.evaluation.redaction.FreeText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code data_return} and {@code data_return_stratum} tables. */
@Repository
public class DataReturns implements FreeText {

  private static final String SELECT =
      """
      SELECT r.id, r.enrollment_id, r.service_id, r.measure_code, r.month, r.version,
             r.correction_reason, r.source, r.submitted_by, r.submitted_at,
             s.stratum_code, s.numerator, s.denominator
      FROM data_return r JOIN data_return_stratum s ON s.return_id = r.id
      """;

  private final JdbcClient jdbc;

  DataReturns(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The latest stored version for the service, measure and month; 0 when there is none. */
  int latestVersion(UUID serviceId, String measureCode, YearMonth month) {
    return jdbc.sql(
            """
            SELECT coalesce(max(version), 0) FROM data_return
            WHERE service_id = ? AND measure_code = ? AND month = ?
            """)
        .params(serviceId, measureCode, month.atDay(1))
        .query(Integer.class)
        .single();
  }

  void insert(StoredReturn r) {
    jdbc.sql(
            """
            INSERT INTO data_return (id, enrollment_id, service_id, measure_code, month, version,
                                     correction_reason, source, submitted_by, submitted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            r.id(),
            r.enrollmentId(),
            r.serviceId(),
            r.measureCode(),
            r.month().atDay(1),
            r.version(),
            r.correctionReason(),
            r.source().name(),
            r.submittedBy(),
            Timestamp.from(r.submittedAt()))
        .update();
    for (Stratum s : r.strata()) {
      jdbc.sql(
              """
              INSERT INTO data_return_stratum (return_id, stratum_code, numerator, denominator)
              VALUES (?, ?, ?, ?)
              """)
          .params(r.id(), s.code(), s.numerator(), s.denominator())
          .update();
    }
  }

  /** Every version of one return, first to latest: its history. */
  public List<StoredReturn> versions(UUID serviceId, String measureCode, YearMonth month) {
    return query(
        SELECT
            + " WHERE r.service_id = ? AND r.measure_code = ? AND r.month = ?"
            + " ORDER BY r.version, s.stratum_code",
        serviceId,
        measureCode,
        month.atDay(1));
  }

  /**
   * The latest version of each of the service's returns, by measure then month; of one measure when
   * {@code measureCode} is not null.
   */
  public List<StoredReturn> latest(UUID serviceId, String measureCode) {
    return query(
        SELECT
            + """
             WHERE r.service_id = ? AND (cast(? AS varchar) IS NULL OR r.measure_code = ?)
               AND r.version = (SELECT max(v.version) FROM data_return v
                                WHERE v.service_id = r.service_id
                                  AND v.measure_code = r.measure_code AND v.month = r.month)
             ORDER BY r.measure_code, r.month, s.stratum_code
            """,
        serviceId,
        measureCode,
        measureCode);
  }

  /**
   * What the service's SPC chart of the measure says about the months from {@code from} on; empty
   * while it has too few returns (see {@link SeriesVerdict}).
   */
  public Optional<SeriesVerdict> verdictSince(UUID serviceId, Measure measure, YearMonth from) {
    return SeriesSignals.since(measure, monthlyCounts(serviceId, measure.code()), from);
  }

  /**
   * The service's whole-service counts of the measure per month, every stratum of the latest
   * version summed, earliest month first.
   */
  List<SeriesSignals.MonthlyCounts> monthlyCounts(UUID serviceId, String measureCode) {
    return jdbc.sql(
            """
            SELECT r.month, sum(s.numerator) AS numerator, sum(s.denominator) AS denominator
            FROM data_return r JOIN data_return_stratum s ON s.return_id = r.id
            WHERE r.service_id = ? AND r.measure_code = ?
              AND r.version = (SELECT max(v.version) FROM data_return v
                               WHERE v.service_id = r.service_id
                                 AND v.measure_code = r.measure_code AND v.month = r.month)
            GROUP BY r.month ORDER BY r.month
            """)
        .params(serviceId, measureCode)
        .query(
            (rs, n) ->
                new SeriesSignals.MonthlyCounts(
                    YearMonth.from(rs.getObject("month", LocalDate.class)),
                    rs.getLong("numerator"),
                    rs.getLong("denominator")))
        .list();
  }

  private List<StoredReturn> query(String sql, Object... params) {
    Map<UUID, StoredReturn> byId = new LinkedHashMap<>();
    Map<UUID, List<Stratum>> strata = new LinkedHashMap<>();
    jdbc.sql(sql)
        .params(params)
        .query(
            (ResultSet rs) -> {
              UUID id = rs.getObject("id", UUID.class);
              byId.computeIfAbsent(id, ignored -> header(rs));
              strata
                  .computeIfAbsent(id, ignored -> new ArrayList<>())
                  .add(
                      new Stratum(
                          rs.getString("stratum_code"),
                          rs.getLong("numerator"),
                          rs.getLong("denominator")));
            });
    return byId.values().stream()
        .map(
            r ->
                new StoredReturn(
                    r.id(),
                    r.enrollmentId(),
                    r.serviceId(),
                    r.measureCode(),
                    r.month(),
                    r.version(),
                    r.correctionReason(),
                    r.source(),
                    r.submittedBy(),
                    r.submittedAt(),
                    strata.get(r.id())))
        .toList();
  }

  private static StoredReturn header(ResultSet rs) {
    try {
      return new StoredReturn(
          rs.getObject("id", UUID.class),
          rs.getObject("enrollment_id", UUID.class),
          rs.getObject("service_id", UUID.class),
          rs.getString("measure_code"),
          YearMonth.from(rs.getObject("month", LocalDate.class)),
          rs.getInt("version"),
          rs.getString("correction_reason"),
          StoredReturn.Source.valueOf(rs.getString("source")),
          rs.getString("submitted_by"),
          rs.getTimestamp("submitted_at").toInstant(),
          List.of());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Column> freeTextColumns() {
    return List.of(
        new Column("dataReturn.correctionReason", "data_return", "correction_reason", null),
        new Column("dataReturn.submittedBy", "data_return", "submitted_by", 200));
  }
}
