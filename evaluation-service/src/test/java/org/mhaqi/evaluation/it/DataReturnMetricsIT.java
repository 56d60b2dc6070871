package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.evaluation.it.DataReturnApiIT.PATH;

import java.time.Duration;
import java.time.YearMonth;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.datareturn.OverdueReturns;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.PrometheusText;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The programme dashboard's data-return figures and the overdue alert, read from
 * /actuator/prometheus: returns received on time or late, returns outstanding after being found
 * overdue, and special causes by rule.
 */
class DataReturnMetricsIT extends EvaluationIntegrationTest {

  private static final Duration GAUGE_REFRESH = Duration.ofSeconds(15);

  @Autowired OverdueReturns overdue;

  @Test
  void aSpikeCountsSevenReturnsOnTimeAndOneSpecialCause() {
    PrometheusText before = scrape();
    EnrolledService e = enrol(8);

    Api.Response answer =
        postCsv(
            PATH,
            DataReturnApiIT.sevenMonthsEndingInASpike(thisMonth().minusMonths(7)),
            e.serviceId());

    assertThat(answer.status()).isEqualTo(201);
    Awaitility.await()
        .atMost(GAUGE_REFRESH)
        .untilAsserted(
            () -> {
              PrometheusText after = scrape();
              assertThat(delta(before, after, "evaluation_data_returns", "timeliness", "on_time"))
                  .isEqualTo(7);
              assertThat(
                      delta(
                          before,
                          after,
                          "evaluation_special_causes_detected_total",
                          "rule",
                          "OUTSIDE_LIMITS",
                          "variation",
                          "SPECIAL_CAUSE_CONCERN"))
                  .isEqualTo(1);
              assertThat(
                      delta(
                          before,
                          after,
                          "evaluation_special_causes_detected_total",
                          "rule",
                          "TREND"))
                  .isZero();
            });
  }

  @Test
  void returnsFoundOverdueAreOutstandingUntilTheyArriveLate() {
    EnrolledService e = enrol(4);
    YearMonth second = thisMonth().minusMonths(3);
    PrometheusText before = scrape();
    long overdueBefore = overdueReturns();

    overdue.check();
    assertThat(
            jdbc.sql("SELECT count(*) FROM overdue_return WHERE enrollment_id = ?")
                .param(e.enrollmentId())
                .query(Long.class)
                .single())
        .isPositive();
    // The check runs over every enrolment the shared context knows, not only this test's.
    long flagged = overdueReturns() - overdueBefore;
    Awaitility.await()
        .atMost(GAUGE_REFRESH)
        .untilAsserted(
            () ->
                assertThat(delta(before, scrape(), "evaluation_data_returns_overdue"))
                    .isEqualTo(flagged));

    assertThat(
            postJson(PATH, DataReturnApiIT.restraintReturn(second, 14, 9), e.serviceId()).status())
        .isEqualTo(201);
    Awaitility.await()
        .atMost(GAUGE_REFRESH)
        .untilAsserted(
            () -> {
              PrometheusText after = scrape();
              assertThat(delta(before, after, "evaluation_data_returns_overdue"))
                  .isEqualTo(flagged - 1);
              assertThat(delta(before, after, "evaluation_data_returns", "timeliness", "late"))
                  .isEqualTo(1);
            });
  }

  private long overdueReturns() {
    return jdbc.sql("SELECT count(*) FROM overdue_return").query(Long.class).single();
  }

  private PrometheusText scrape() {
    return PrometheusText.parse(api.get("/actuator/prometheus").expect(200).body().asString());
  }

  private static double delta(
      PrometheusText before, PrometheusText after, String name, String... labels) {
    return after.value(name, labels) - before.value(name, labels);
  }
}
