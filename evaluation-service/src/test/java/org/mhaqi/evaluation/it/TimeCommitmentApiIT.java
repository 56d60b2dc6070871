package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.testing.Api;
import tools.jackson.databind.JsonNode;

/** Weekly time-commitment returns over HTTP and the report against the FAQ's two hours. */
class TimeCommitmentApiIT extends EvaluationIntegrationTest {

  static final String PATH = "/api/services/{serviceId}/time-commitment";

  LocalDate mondayWeeksAgo(int weeks) {
    return today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks);
  }

  static Map<String, Object> week(LocalDate monday, int members, String qi, String coaching) {
    return Map.of(
        "weekStarting", monday.toString(),
        "teamMembers", members,
        "qiHours", qi,
        "coachingHours", coaching);
  }

  @Test
  void weeksAreAveragedPerMemberAndATeamWellAboveIsFlagged() {
    EnrolledService e = enrol(3);

    // (6 + 4) + (5 + 5) = 20 hours over 5 + 5 = 10 member-weeks: 2.00, as expected.
    assertThat(postJson(PATH, week(mondayWeeksAgo(2), 5, "6", "4"), e.serviceId()).status())
        .isEqualTo(201);
    assertThat(postJson(PATH, week(mondayWeeksAgo(1), 5, "5", "5"), e.serviceId()).status())
        .isEqualTo(201);
    JsonNode report = get(PATH, e.serviceId()).body();
    assertThat(report.path("weeksReturned").asInt()).isEqualTo(2);
    assertThat(report.path("memberWeeks").asInt()).isEqualTo(10);
    assertThat(report.path("averageHoursPerMemberPerWeek").decimalValue())
        .isEqualByComparingTo("2.00");
    assertThat(report.path("expectedHoursPerWeek").decimalValue()).isEqualByComparingTo("2");
    assertThat(report.path("flag").asString()).isEqualTo("AS_EXPECTED");

    // A heavy week: 10 + 10 + (40 + 5) = 65 hours over 15 member-weeks: 4.33, well above 4.
    postJson(PATH, week(mondayWeeksAgo(3), 5, "40", "5"), e.serviceId());
    report = get(PATH, e.serviceId()).body();
    assertThat(report.path("averageHoursPerMemberPerWeek").decimalValue())
        .isEqualByComparingTo("4.33");
    assertThat(report.path("flag").asString()).isEqualTo("WELL_ABOVE");
    assertThat(get("/api/time-commitment?size=200").body().toString())
        .contains(e.serviceId().toString());
  }

  @Test
  void badWeeksAreProblemsNamingTheFieldAndWriteNothing() {
    EnrolledService e = enrol(3);
    LocalDate monday = mondayWeeksAgo(1);
    postJson(PATH, week(monday, 4, "4", "4"), e.serviceId());

    Api.Response duplicate = postJson(PATH, week(monday, 4, "1", "1"), e.serviceId());
    Api.Response tuesday = postJson(PATH, week(monday.minusDays(6), 4, "1", "1"), e.serviceId());
    Api.Response negative = postJson(PATH, week(mondayWeeksAgo(2), 4, "-1", "1"), e.serviceId());
    Api.Response beforeEnrolment =
        postJson(PATH, week(mondayWeeksAgo(30), 4, "1", "1"), e.serviceId());

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.body().path("field").asString()).isEqualTo("weekStarting");
    assertThat(tuesday.status()).isEqualTo(422);
    assertThat(tuesday.body().path("field").asString()).isEqualTo("weekStarting");
    assertThat(negative.status()).isEqualTo(422);
    assertThat(negative.body().path("field").asString()).isEqualTo("qiHours");
    assertThat(beforeEnrolment.status()).isEqualTo(422);
    assertThat(get(PATH, e.serviceId()).body().path("weeksReturned").asInt()).isEqualTo(1);
  }
}
