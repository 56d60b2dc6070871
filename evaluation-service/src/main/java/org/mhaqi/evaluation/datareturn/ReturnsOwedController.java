package org.mhaqi.evaluation.datareturn;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mhaqi.evaluation.datareturn.OverdueRule.Key;
import org.mhaqi.evaluation.datareturn.ReturnsOwedRule.Owed;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.evaluation.enrollment.EnrolledServices;
import org.mhaqi.evaluation.measure.Measure;
import org.mhaqi.evaluation.measure.Measures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The returns each enrolled service owes, for the central team (administrators only). */
@RestController
@RequestMapping("/api/data-returns")
@Tag(name = "Data returns")
class ReturnsOwedController {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final JdbcClient jdbc;
  private final Measures measures;
  private final DataReturnProperties properties;
  private final Clock clock;

  ReturnsOwedController(
      JdbcClient jdbc, Measures measures, DataReturnProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.measures = measures;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping("/owed")
  @Operation(
      summary = "Returns due, overdue and sent late, per enrolled service",
      description =
          "For every enrolment still owing returns (enrolled or completed), optionally of one"
              + " phase: how many returns (one per measure and month) are due (the month ended,"
              + " the grace period not), overdue (the grace period over, not sent) and were sent"
              + " late (after their grace period), and the oldest month overdue. Most overdue"
              + " first. Not paged: one row per enrolment of a programme of tens to hundreds of"
              + " services.")
  List<Owed> owed(@RequestParam(required = false) UUID phaseId) {
    LocalDate today = LocalDate.now(clock.withZone(LONDON));
    List<Owed> owed =
        ReturnsOwedRule.owed(
            enrollments(phaseId),
            measures.all().stream().map(Measure::code).toList(),
            firstSent(),
            today,
            properties.gracePeriod());
    return owed.stream()
        .sorted(
            Comparator.comparingInt(Owed::overdue)
                .reversed()
                .thenComparing(Comparator.comparingInt(Owed::due).reversed())
                .thenComparing(Owed::odsCode, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  private List<EnrolledService> enrollments(UUID phaseId) {
    return jdbc.sql(
            "SELECT "
                + EnrolledServices.columns()
                + " FROM enrolled_service"
                + (phaseId == null ? "" : " WHERE phase_id = :phase")
                + " ORDER BY enrolled_on, enrollment_id")
        .params(phaseId == null ? Map.of() : Map.of("phase", phaseId))
        .query(EnrolledServices::read)
        .list();
  }

  /** The day each return was first sent, in London. */
  private Map<Key, LocalDate> firstSent() {
    return jdbc
        .sql(
            """
            SELECT service_id, measure_code, month, min(submitted_at) AS first_sent
              FROM data_return GROUP BY service_id, measure_code, month
            """)
        .query(
            (rs, n) ->
                Map.entry(
                    new Key(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        YearMonth.from(rs.getObject(3, LocalDate.class))),
                    rs.getTimestamp(4).toInstant().atZone(LONDON).toLocalDate()))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
