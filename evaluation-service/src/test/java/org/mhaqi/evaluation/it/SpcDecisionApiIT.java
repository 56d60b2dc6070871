package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.testing.Api;
import tools.jackson.databind.JsonNode;

/**
 * Baseline and rebase decisions on a service's chart, recorded, applied by its report, withdrawn.
 */
class SpcDecisionApiIT extends EvaluationIntegrationTest {

  static final String DECISIONS = "/api/services/{serviceId}/measures/{code}/spc-decisions";
  static final String RESTRAINT = "RESTRICTIVE_INTERVENTIONS";

  /** Twelve monthly returns ending last month: 4 at 40 per 1,000, then 8 at 15. */
  YearMonth returnAYear(EnrolledService e) {
    YearMonth first = thisMonth().minusMonths(12);
    StringBuilder csv =
        new StringBuilder("measure_code,month,stratum_code,numerator,denominator\n");
    for (int i = 0; i < 12; i++) {
      long events = i < 4 ? 200 : 75;
      csv.append(RESTRAINT + "," + first.plusMonths(i) + ",A," + events + ",5000\n");
    }
    Api.Response answer = postCsv("/api/services/{id}/data-returns", csv.toString(), e.serviceId());
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
    return first;
  }

  JsonNode restraintReport(EnrolledService e) {
    Api.Response report = get("/api/reports/phases/{p}/services/{s}", e.phaseId(), e.serviceId());
    assertThat(report.status()).as("%s", report.body()).isEqualTo(200);
    for (JsonNode m : report.body().path("measures")) {
      if (RESTRAINT.equals(m.path("code").asString())) {
        return m;
      }
    }
    throw new AssertionError("no " + RESTRAINT + " in " + report.body());
  }

  @Test
  void aRecordedBaselineIsAppliedByTheServicesReportUntilWithdrawn() {
    EnrolledService e = enrol(2);
    YearMonth first = returnAYear(e);
    YearMonth baselineUntil = first.plusMonths(3);
    assertThat(restraintReport(e).path("centre").asDouble())
        .isCloseTo((160 + 8 * 15) / 12.0, within(1e-9));

    Api.Response recorded =
        postJson(
            DECISIONS,
            Map.of(
                "kind", "BASELINE",
                "month", baselineUntil.toString(),
                "reason", "Limits from the months before the safety huddles began"),
            e.serviceId(),
            RESTRAINT);

    assertThat(recorded.status()).as("%s", recorded.body()).isEqualTo(201);
    assertThat(recorded.body().path("recordedBy").asString()).isEqualTo("test-admin");
    JsonNode applied = restraintReport(e);
    assertThat(applied.path("baselineUntil").asString()).isEqualTo(baselineUntil.toString());
    assertThat(applied.path("centre").asDouble()).isCloseTo(40.0, within(1e-9));
    assertThat(applied.path("variation").asString()).isEqualTo("special_cause_improvement");
    // The phase-wide report is not the service's chart: no decision applies there.
    Api.Response phase = get("/api/reports/phases/{p}", e.phaseId());
    for (JsonNode m : phase.body().path("measures")) {
      assertThat(m.path("baselineUntil").isNull()).isTrue();
    }

    String id = recorded.body().path("id").asString();
    Api.Response withdrawn = api.delete("/api/spc-decisions/" + id);
    assertThat(withdrawn.status()).isEqualTo(200);
    assertThat(withdrawn.body().path("withdrawnBy").asString()).isEqualTo("test-admin");
    assertThat(restraintReport(e).path("baselineUntil").isNull()).isTrue();
    Api.Response history = get(DECISIONS, e.serviceId(), RESTRAINT);
    assertThat(history.body()).hasSize(1);
    assertThat(history.body().get(0).path("withdrawnAt").isNull()).isFalse();
    Api.Response again = api.delete("/api/spc-decisions/" + id);
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void aRebaseStartsNewLimitsInTheReport() {
    EnrolledService e = enrol(2);
    YearMonth first = returnAYear(e);

    Api.Response recorded =
        postJson(
            DECISIONS,
            Map.of(
                "kind",
                "REBASE",
                "month",
                first.plusMonths(4).toString(),
                "reason",
                "Huddles adopted"),
            e.serviceId(),
            RESTRAINT);

    assertThat(recorded.status()).as("%s", recorded.body()).isEqualTo(201);
    JsonNode applied = restraintReport(e);
    assertThat(applied.path("rebasedFrom").get(0).asString())
        .isEqualTo(first.plusMonths(4).toString());
    assertThat(applied.path("centre").asDouble()).isCloseTo(15.0, within(1e-9));
  }

  @Test
  void badDecisionsAreProblemsAndWriteNothing() {
    EnrolledService e = enrol(2);
    record Case(String name, String path, Object[] vars, Object body, int status, String field) {}
    Map<String, Object> good =
        Map.of("kind", "REBASE", "month", thisMonth().minusMonths(1).toString(), "reason", "x");
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case(
            "future month",
            DECISIONS,
            new Object[] {e.serviceId(), RESTRAINT},
            Map.of("kind", "REBASE", "month", thisMonth().plusMonths(1).toString(), "reason", "x"),
            422,
            "month"));
    cases.add(
        new Case(
            "no reason",
            DECISIONS,
            new Object[] {e.serviceId(), RESTRAINT},
            Map.of("kind", "REBASE", "month", thisMonth().toString()),
            400,
            "reason"));
    cases.add(
        new Case(
            "unknown kind",
            DECISIONS,
            new Object[] {e.serviceId(), RESTRAINT},
            Map.of("kind", "FREEZE", "month", thisMonth().toString(), "reason", "x"),
            400,
            "kind"));
    cases.add(
        new Case(
            "malformed month",
            DECISIONS,
            new Object[] {e.serviceId(), RESTRAINT},
            Map.of("kind", "REBASE", "month", "2026-13", "reason", "x"),
            400,
            "month"));
    cases.add(
        new Case(
            "unknown measure",
            DECISIONS,
            new Object[] {e.serviceId(), "NOT_A_MEASURE"},
            good,
            404,
            null));
    cases.add(
        new Case(
            "unknown service",
            DECISIONS,
            new Object[] {UUID.randomUUID(), RESTRAINT},
            good,
            404,
            null));
    for (Case c : cases) {
      Api.Response answer = postJson(c.path(), c.body(), c.vars());
      assertThat(answer.status()).as(c.name() + ": %s", answer.body()).isEqualTo(c.status());
      assertThat(answer.contentType()).as(c.name()).isEqualTo("application/problem+json");
      if (c.field() != null) {
        assertThat(answer.body().path("field").asString()).as(c.name()).isEqualTo(c.field());
      }
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM spc_decision WHERE service_id = ?")
                .param(e.serviceId())
                .query(Long.class)
                .single())
        .isZero();

    assertThat(postJson(DECISIONS, good, e.serviceId(), RESTRAINT).status()).isEqualTo(201);
    Api.Response duplicate = postJson(DECISIONS, good, e.serviceId(), RESTRAINT);
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.body().path("field").asString()).isEqualTo("month");
  }
}
