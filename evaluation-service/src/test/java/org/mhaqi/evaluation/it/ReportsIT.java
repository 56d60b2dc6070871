package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mhaqi.evaluation.analysis.spc.Improvement;
import org.mhaqi.evaluation.analysis.spc.XmrAnalysis;
import org.mhaqi.evaluation.analysis.spc.XmrOptions;
import org.mhaqi.evaluation.analysis.spc.XmrResult;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.local.DemoReturns;
import org.mhaqi.local.DemoReturnsLoader;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.TestTokens;
import org.mhaqi.testing.browser.Accessibility;
import org.mhaqi.testing.browser.HeadlessChromium;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The programme reports, their CSV and the HTML page of the running service, against a real
 * PostgreSQL and a real Kafka broker, with the demo's returns loaded through the public API by the
 * run command's loader, and a phase of hand-worked returns. The page is rendered by a real headless
 * Chromium.
 */
@TestPropertySource(
    properties = {
      // Its own database: the loader reads every enrolment of a phase from this one.
      "mhaqi.test.database=evaluation-reports",
      // No consumers: enrolments are written directly, and a consumer in the shared group would
      // take partitions (and the events of other tests) away from the other contexts.
      "spring.cloud.stream.bindings.enrollmentEvents-in-0.consumer.auto-startup=false",
      "spring.cloud.stream.bindings.coachingEvents-in-0.consumer.auto-startup=false",
      "spring.cloud.stream.bindings.enrollmentEvents-in-0.group=evaluation-reports-it",
      "spring.cloud.stream.bindings.coachingEvents-in-0.group=evaluation-reports-it"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT extends EvaluationIntegrationTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final YearMonth FIRST = YearMonth.from(LocalDate.parse(TODAY)).minusMonths(12);

  @LocalServerPort int port;

  final UUID wider = UUID.randomUUID();
  final UUID pilot = UUID.randomUUID();
  final UUID handWorked = UUID.randomUUID();
  final List<EnrolledService> widerServices = new ArrayList<>();
  EnrolledService handWorkedService;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void loadTheDemoReturnsAndAHandWorkedPhase() throws Exception {
    // Six wider services in ODS order RA1..RA6: the loader takes them in that order, so the
    // first and the fourth improve. RA1 and RA4 are in London, the rest in the North West.
    for (int i = 1; i <= 6; i++) {
      widerServices.add(
          enrol(
              "RA" + i,
              i == 1 || i == 4 ? Region.LONDON : Region.NORTH_WEST,
              wider,
              PhaseKind.WIDER_IMPLEMENTATION));
    }
    enrol("RB1", Region.LONDON, pilot, PhaseKind.PILOT);
    handWorkedService = enrol("RC1", Region.MIDLANDS, handWorked, PhaseKind.PILOT);

    DemoReturnsLoader loader =
        new DemoReturnsLoader(
            URI.create("http://127.0.0.1:" + port),
            Duration.ofSeconds(1),
            Duration.ofSeconds(30),
            TestTokens::admin);
    DemoReturnsLoader.Summary summary = loader.load(FIRST, wider.toString());
    assertThat(summary).isEqualTo(new DemoReturnsLoader.Summary(6, 6, 2, 0, 1));
    assertThat(loader.load(FIRST, pilot.toString()).loaded()).isEqualTo(1);
    assertThat(loader.load(FIRST, wider.toString()))
        .as("a second run changes nothing")
        .isEqualTo(new DemoReturnsLoader.Summary(6, 0, 0, 6, 0));

    // Hand-worked: White 20/4,000 + 20/4,000, Black 20/1,000 + 10/1,000 over two months, then a
    // month of 4 events over 1,000 bed days (4 is under 5: withheld, not drawn).
    String path = "/api/services/" + handWorkedService.serviceId() + "/data-returns";
    api.post(path, ret(FIRST, "A", 20, 4000, "M", 20, 1000)).expect(201);
    api.post(path, ret(FIRST.plusMonths(1), "C", 20, 4000, "N", 10, 1000)).expect(201);
    api.post(path, ret(FIRST.plusMonths(2), "A", 4, 1000, "M", 0, 0)).expect(201);

    annotateTheFirstImprovingService();

    // The loader published the phases it loaded; the hand-worked one is published here, so that
    // every page is read without a token as the public reads it.
    api.anonymous().get("/reports/phases/" + wider).expect(200);
    assertThat(api.get("/api/reports/phases/" + wider + "/publications").expect(200).body().size())
        .isEqualTo(1);
    api.post("/api/reports/phases/" + handWorked + "/publication").expect(201);
  }

  /**
   * The first improving service's coaching: a session delivered in the second month and an
   * improvement day in the third (the engagement projection's rows, as coaching.events leave them).
   * The loader gave it its change idea, tested and adopted in the fourth month, and the baseline
   * decision that ends there.
   */
  void annotateTheFirstImprovingService() {
    EnrolledService improving = widerServices.get(0);
    deliveredSession(improving, "COACHING_SESSION", FIRST.plusMonths(1).atDay(12));
    deliveredSession(improving, "IMPROVEMENT_DAY", FIRST.plusMonths(2).atDay(8));
  }

  void deliveredSession(EnrolledService service, String kind, LocalDate on) {
    jdbc.sql(
            """
            INSERT INTO engagement_session (session_id, plan_id, enrollment_id, service_id,
                phase_id, level, kind, starts_at, planned_minutes, timing_revision, scheduled,
                status, completed_at, delivered_minutes, attendees)
            VALUES (?, ?, ?, ?, ?, 'SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY', ?, ?, 60, 2147483647, true, 'DELIVERED', now(),
                60, 4)
            """)
        .params(
            UUID.randomUUID(),
            UUID.randomUUID(),
            service.enrollmentId(),
            service.serviceId(),
            service.phaseId(),
            kind,
            on.atTime(10, 0))
        .update();
  }

  EnrolledService enrol(String ods, Region region, UUID phase, PhaseKind kind) {
    LocalDate enrolledOn = FIRST.minusMonths(1).atDay(1);
    EnrolledService e =
        new EnrolledService(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            ods,
            ProviderType.NHS_TRUST,
            region,
            ServiceType.ADULT_ACUTE,
            phase,
            kind,
            enrolledOn,
            enrolledOn.plusMonths(6),
            enrolledOn,
            null,
            EnrolledService.Status.ENROLLED);
    save(e);
    return e;
  }

  static String ret(YearMonth month, Object... strata) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < strata.length; i += 3) {
      s.append(i == 0 ? "" : ",")
          .append(
              "{\"code\":\"%s\",\"numerator\":%s,\"denominator\":%s}"
                  .formatted(strata[i], strata[i + 1], strata[i + 2]));
    }
    return """
        {"measureCode":"RESTRICTIVE_INTERVENTIONS","month":"%s","strata":[%s]}
        """
        .formatted(month, s);
  }

  static JsonNode measure(JsonNode report, String code) {
    for (JsonNode m : report.path("measures")) {
      if (m.path("code").asString().equals(code)) {
        return m;
      }
    }
    throw new AssertionError("no measure " + code + " in " + report);
  }

  @Test
  void aServiceReportGivesTheGeneratorsFiguresAndTheXmrVerdictsOfThem() {
    EnrolledService improving = widerServices.get(0);
    JsonNode report =
        api.get("/api/reports/phases/" + wider + "/services/" + improving.serviceId())
            .expect(200)
            .body();
    JsonNode restraint = measure(report, "RESTRICTIVE_INTERVENTIONS");

    // The loader gave this service the generator's year of index 0: recompute it here.
    List<DemoReturns.Row> year = DemoReturns.year(0, FIRST);
    List<Double> values = new ArrayList<>(DemoReturns.restraintRates(year).values());
    // The loader recorded a baseline decision on the months before the change: the limits come
    // from those 4 months (trial limits) and the 8 after are judged against them.
    XmrResult expected =
        XmrAnalysis.analyse(
            values, Improvement.DECREASE, null, XmrOptions.baseline(DemoReturns.BASELINE_MONTHS));
    assertThat(restraint.path("ruleSet").asString()).isEqualTo("making-data-count");
    assertThat(restraint.path("baselineUntil").asString())
        .isEqualTo(FIRST.plusMonths(DemoReturns.BASELINE_MONTHS - 1).toString());
    assertThat(restraint.path("months")).hasSize(12);
    int withheld = 0;
    for (int i = 0; i < 12; i++) {
      YearMonth month = FIRST.plusMonths(i);
      long events =
          year.stream()
              .filter(r -> r.month().equals(month))
              .filter(r -> r.measureCode().equals("RESTRICTIVE_INTERVENTIONS"))
              .mapToLong(DemoReturns.Row::numerator)
              .sum();
      JsonNode published = restraint.path("months").get(i);
      assertThat(published.path("month").asString()).isEqualTo(month.toString());
      if (events < 5) {
        // Under 5 events: the rate is withheld (the bed days are always over 100).
        withheld++;
        assertThat(published.path("value").isNull()).isTrue();
        assertThat(published.path("verdict").isNull()).isTrue();
        assertThat(published.path("numerator").asString()).isEqualTo("*");
      } else {
        assertThat(published.path("value").asDouble()).isCloseTo(values.get(i), within(1e-9));
        assertThat(published.path("verdict").asString())
            .isEqualTo(expected.points().get(i).variation().name().toLowerCase());
      }
    }
    assertThat(withheld).as("the seed gives one month of 3 events").isEqualTo(1);
    assertThat(restraint.path("centre").asDouble())
        .isCloseTo(expected.currentLimits().mean(), within(1e-9));
    assertThat(restraint.path("trialLimits").asBoolean()).isTrue();
    // The demo's point: the change idea's sustained fall shows as special-cause improvement, up
    // to the latest month.
    assertThat(restraint.path("months").valueStream().map(m -> m.path("verdict").asString()))
        .contains("special_cause_improvement");
    assertThat(restraint.path("variation").asString()).isEqualTo("special_cause_improvement");
    assertThat(restraint.path("variationIcon").asString()).isEqualTo("improvement-low");
    // The loader set the phase's targets: 20 per 1,000 here, judged against the baseline limits.
    assertThat(restraint.path("target").asDouble()).isEqualTo(20.0);
    XmrResult withTarget =
        XmrAnalysis.analyse(
            values, Improvement.DECREASE, 20.0, XmrOptions.baseline(DemoReturns.BASELINE_MONTHS));
    assertThat(restraint.path("assuranceIcon").asString())
        .isEqualTo(withTarget.assuranceIcon().wireName());
    assertThat(report.path("phaseKind").asString()).isEqualTo("WIDER_IMPLEMENTATION");
    // 13 ended months (from the month of enrolment) x 6 measures owed, 5 measures x 12 returned:
    // 78 - 60 = 18 outstanding; none overdue (the check is off). Returns are not people: exact.
    assertThat(report.path("returns").path("owed").asLong()).isEqualTo(78);
    assertThat(report.path("returns").path("outstanding").asLong()).isEqualTo(18);
    assertThat(report.path("returns").path("overdue").asLong()).isZero();
  }

  @Test
  void theImprovingServicesChartMarksItsIdeaItsCoachingAndListsThemBeneath() throws Exception {
    EnrolledService improving = widerServices.get(0);
    JsonNode restraint =
        measure(
            api.get("/api/reports/phases/" + wider + "/services/" + improving.serviceId())
                .expect(200)
                .body(),
            "RESTRICTIVE_INTERVENTIONS");
    assertThat(restraint.path("annotations").valueStream().map(a -> a.path("kind").asString()))
        .containsExactly(
            "first-coaching-session",
            "improvement-day",
            "pdsa-started",
            "pdsa-adopted",
            "baseline");
    assertThat(restraint.path("annotations").valueStream().map(a -> a.path("month").asString()))
        .containsExactly(
            FIRST.plusMonths(1).toString(),
            FIRST.plusMonths(2).toString(),
            FIRST.plusMonths(3).toString(),
            FIRST.plusMonths(3).toString(),
            FIRST.plusMonths(3).toString());
    // no team's words: the idea is named by its number
    assertThat(restraint.path("annotations").toString()).doesNotContain("huddle", "Huddle");

    String page =
        chromium(
            "--dump-dom",
            "http://127.0.0.1:"
                + port
                + "/reports/phases/"
                + wider
                + "/services/"
                + improving.serviceId()
                + "/measures/RESTRICTIVE_INTERVENTIONS");
    String svg = charts(page).get(0);
    assertThat(count(svg, "class=\"annotation-line\"")).isEqualTo(5);
    assertThat(page)
        .contains("Changes on this chart")
        .contains(
            FIRST
                    .plusMonths(3)
                    .format(
                        java.time.format.DateTimeFormatter.ofPattern(
                            "MMM yyyy", java.util.Locale.ENGLISH))
                + ": Change idea 1, PDSA cycle 1 started");
    // a service without changes (the third: not improving, no coaching recorded) marks none
    assertThat(
            measure(
                    api.get(
                            "/api/reports/phases/"
                                + wider
                                + "/services/"
                                + widerServices.get(2).serviceId())
                        .expect(200)
                        .body(),
                    "RESTRICTIVE_INTERVENTIONS")
                .path("annotations")
                .isEmpty())
        .isTrue();
  }

  @Test
  void theImprovingRegionShowsTheFallAndThePhaseComparesEveryGroupWithWhite() {
    JsonNode london =
        api.get("/api/reports/phases/" + wider + "/regions/LONDON").expect(200).body();
    JsonNode restraint = measure(london, "RESTRICTIVE_INTERVENTIONS");
    assertThat(restraint.path("months").valueStream().map(m -> m.path("verdict").asString()))
        .contains("special_cause_improvement");
    assertThat(restraint.path("equityByService")).hasSize(2);

    JsonNode phase = api.get("/api/reports/phases/" + wider).expect(200).body();
    JsonNode equity = measure(phase, "RESTRICTIVE_INTERVENTIONS").path("equity");
    assertThat(equity.valueStream().map(g -> g.path("group").asString()))
        .containsExactly("MIXED", "ASIAN_OR_ASIAN_BRITISH", "BLACK_OR_BLACK_BRITISH");
    JsonNode black = equity.get(2);
    assertThat(black.path("rateRatio").asDouble()).isGreaterThan(1.5);
    assertThat(black.path("lower95").asDouble()).isGreaterThan(1.0);
    assertThat(black.path("events").asLong() % 5).as("rounded to 5").isZero();
    assertThat(measure(phase, "ASSAULTS_ON_STAFF").path("equity")).isEmpty();
    assertThat(measure(phase, "LENGTH_OF_STAY").path("ruleSet").isNull()).isTrue();
    assertThat(phase.path("regions")).isNotNull();

    JsonNode both = api.get("/api/reports/pilot-vs-wider").expect(200).body();
    assertThat(both.path("measures")).hasSize(6);
    JsonNode compared =
        both.path("measures")
            .valueStream()
            .filter(m -> m.path("code").asString().equals("RESTRICTIVE_INTERVENTIONS"))
            .findFirst()
            .orElseThrow();
    assertThat(compared.path("wider").get(0).path("months").asInt()).isEqualTo(12);
    assertThat(compared.path("wider").get(0).path("ruleSet").asString())
        .isEqualTo("making-data-count");
    assertThat(compared.path("pilot")).hasSize(2);
    assertThat(
            both.path("wider").valueStream().map(r -> r.path("scope").path("phaseId").asString()))
        .containsExactly(wider.toString());
    assertThat(
            both.path("pilot").valueStream().map(r -> r.path("scope").path("phaseId").asString()))
        .containsExactlyInAnyOrder(pilot.toString(), handWorked.toString());
  }

  @Test
  void theDemoTargetsGiveEveryAssuranceVerdictAmongThePhasesServices() {
    java.util.Set<String> verdicts = new java.util.TreeSet<>();
    java.util.Set<String> variations = new java.util.TreeSet<>();
    for (EnrolledService service : widerServices) {
      JsonNode report =
          api.get("/api/reports/phases/" + wider + "/services/" + service.serviceId())
              .expect(200)
              .body();
      for (String code :
          List.of(
              "RESTRICTIVE_INTERVENTIONS",
              "DETENTIONS",
              "ASSAULTS_ON_STAFF",
              "CARE_PLANS_CO_PRODUCED")) {
        JsonNode m = measure(report, code);
        assertThat(m.path("target").isNull()).as("%s has a target", code).isFalse();
        verdicts.add(m.path("assuranceIcon").asString());
        variations.add(m.path("variationIcon").asString());
      }
      assertThat(measure(report, "LENGTH_OF_STAY").path("target").isNull())
          .as("length of stay has a target too")
          .isFalse();
      // Bed occupancy has no better side, so no target and no assurance, but a variation icon.
      JsonNode occupancy = measure(report, "BED_OCCUPANCY");
      assertThat(occupancy.path("target").isNull()).as("bed occupancy has no target").isTrue();
      assertThat(occupancy.path("assuranceIcon").isNull()).isTrue();
      variations.add(occupancy.path("variationIcon").asString());
    }
    assertThat(verdicts).containsExactly("fail", "hit-and-miss", "pass");
    // Every variation icon: "neither" ones from bed occupancy, which has no direction.
    assertThat(variations)
        .containsExactly(
            "common-cause",
            "concern-high",
            "concern-low",
            "improvement-high",
            "improvement-low",
            "neither-high",
            "neither-low");
    String page = api.anonymous().get("/reports/phases/" + wider).expect(200).body().asString();
    assertThat(page).contains("<table class=\"summary\">", "class=\"mdc-icon\"");
    String summary = text("/api/reports/phases/" + wider + "/summary.csv");
    assertThat(summary.lines().findFirst())
        .hasValue(
            "measure_code,latest_month,latest_value,rule_set,mean,upper_process_limit,"
                + "lower_process_limit,target,variation_icon,assurance_icon");
    assertThat(summary).contains("RESTRICTIVE_INTERVENTIONS,", ",20.000,");
  }

  @Test
  void handWorkedReturnsGiveHandWorkedFiguresWithSmallNumbersSuppressed() {
    JsonNode report = api.get("/api/reports/phases/" + handWorked).expect(200).body();
    JsonNode restraint = measure(report, "RESTRICTIVE_INTERVENTIONS");
    // Months: 40/5,000 = 8 per 1,000; 30/5,000 = 6; 4/1,000 withheld. Median of 8, 6, 4 = 6.
    assertThat(restraint.path("ruleSet").asString()).isEqualTo("ihi-run-chart");
    assertThat(restraint.path("centre").asDouble()).isEqualTo(6.0);
    JsonNode months = restraint.path("months");
    assertThat(months.get(0).path("value").asDouble()).isCloseTo(8.0, within(1e-9));
    assertThat(months.get(0).path("numerator").asLong()).isEqualTo(40);
    assertThat(months.get(1).path("value").asDouble()).isCloseTo(6.0, within(1e-9));
    assertThat(months.get(2).path("value").isNull()).isTrue();
    assertThat(months.get(2).path("numerator").asString()).isEqualTo("*");
    // Black 30 over 2,000 (15 per 1,000) against White 44 over 9,000 (4.889 per 1,000):
    // RR = 15 / 4.8889 = 3.06818; half-width 1.96 x sqrt(1/30 + 1/44) = 0.464072;
    // 3.06818 x exp(-/+0.464072) = 1.92902 to 4.88006.
    JsonNode black = measure(report, "RESTRICTIVE_INTERVENTIONS").path("equity").get(0);
    assertThat(black.path("group").asString()).isEqualTo("BLACK_OR_BLACK_BRITISH");
    assertThat(black.path("rateRatio").asDouble()).isCloseTo(3.06818, within(1e-5));
    assertThat(black.path("lower95").asDouble()).isCloseTo(1.92902, within(1e-5));
    assertThat(black.path("upper95").asDouble()).isCloseTo(4.88006, within(1e-5));
    assertThat(black.path("referenceEvents").asLong()).isEqualTo(45);

    String csv = text("/api/reports/phases/" + handWorked + "/returns.csv");
    String row = "MIDLANDS,RC1," + handWorkedService.serviceId() + ",RESTRICTIVE_INTERVENTIONS,";
    assertThat(csv.lines())
        .containsExactly(
            "region,ods_code,service_id,measure_code,month,group,numerator,denominator,value",
            row + FIRST + ",ALL,40,5000,8.000",
            row + FIRST + ",WHITE,20,4000,5.000",
            row + FIRST + ",BLACK_OR_BLACK_BRITISH,20,1000,20.000",
            row + FIRST.plusMonths(1) + ",ALL,30,5000,6.000",
            row + FIRST.plusMonths(1) + ",WHITE,20,4000,5.000",
            row + FIRST.plusMonths(1) + ",BLACK_OR_BLACK_BRITISH,10,1000,10.000",
            row + FIRST.plusMonths(2) + ",ALL,*,1000,*",
            row + FIRST.plusMonths(2) + ",WHITE,*,1000,*",
            row + FIRST.plusMonths(2) + ",BLACK_OR_BLACK_BRITISH,*,*,*");
  }

  @Test
  void anUnknownPhaseIsNotFound() {
    api.get("/api/reports/phases/" + UUID.randomUUID()).expect(404);
    api.get("/reports/phases/" + UUID.randomUUID()).expect(404);
    api.get("/api/reports/phases/" + wider + "/services/" + UUID.randomUUID()).expect(404);
    Api.Response notFound = api.get("/api/reports/phases/" + UUID.randomUUID()).expect(404);
    assertThat(notFound.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aBadRegionOrPhaseIdIsAProblemNamingIt() {
    Api.Response region = api.get("/api/reports/phases/" + wider + "/regions/NOWHERE").expect(400);
    assertThat(region.contentType()).startsWith("application/problem+json");
    assertThat(region.body().path("field").asString()).isEqualTo("region");
    Api.Response phase = api.get("/api/reports/phases/not-a-uuid").expect(400);
    assertThat(phase.body().path("field").asString()).isEqualTo("phaseId");
    api.get("/api/reports/phases/" + wider + "/returns.csv?region=NOWHERE").expect(400);
  }

  @Test
  void aHeadlessBrowserDrawsTheChartsOfThePhasePage() throws Exception {
    String url = "http://127.0.0.1:" + port + "/reports/phases/" + wider;
    String dom = chromium("--dump-dom", url);

    List<String> svgs = charts(dom);
    // Charts for the five measures the demo returns; none for length of stay, without returns.
    assertThat(svgs).hasSize(5);
    for (String svg : svgs) {
      assertThat(count(svg, "<circle")).as("12 months drawn").isEqualTo(12);
      assertThat(svg).contains("class=\"value-line\"").contains("class=\"centre-line\"");
      assertThat(svg).contains("class=\"process-limit upper\"");
    }
    assertThat(dom).contains("No returns yet.");
    assertThat(svgs)
        .anySatisfy(svg -> assertThat(svg).contains("Restrictive interventions per 1,000"));
    // Points coloured as Making Data Count colours them.
    Map<String, String> fills =
        Map.of(
            "common_cause", "#a6a6a6",
            "special_cause_improvement", "#00b0f0",
            "special_cause_concern", "#e46c0a",
            "special_cause_neutral", "#490092");
    Matcher circle =
        Pattern.compile("<circle[^>]*class=\"point (\\w+)\"[^>]*fill=\"(#\\w+)\"").matcher(dom);
    List<String> kinds = new ArrayList<>();
    while (circle.find()) {
      kinds.add(circle.group(1));
      assertThat(circle.group(2)).as(circle.group()).isEqualTo(fills.get(circle.group(1)));
    }
    assertThat(kinds).hasSize(60).contains("common_cause", "special_cause_improvement");

    // Restraint, detentions and care plans compare ethnic groups: a forest plot each.
    assertThat(forestPlots(dom))
        .hasSize(3)
        .allSatisfy(
            forest ->
                assertThat(forest)
                    .contains("role=\"img\"", "aria-labelledby=", "class=\"ratio\"")
                    .contains("Rate ratio against White (log scale)"));
    assertThat(text("/reports/phases/" + wider + "/measures/RESTRICTIVE_INTERVENTIONS/equity.svg"))
        .startsWith("<svg")
        .contains("class=\"reference\"");

    // Small multiples of each measure with returns: a panel per service, all six on one scale.
    List<String> multiples =
        elements(dom, "svg").stream().filter(svg -> svg.contains("class=\"panel\"")).toList();
    assertThat(multiples).hasSize(5);
    assertThat(count(multiples.get(0), "class=\"panel\"")).isEqualTo(6);
    assertThat(dom).contains("by service: the small multiples");
    assertThat(
            text("/reports/phases/" + wider + "/measures/RESTRICTIVE_INTERVENTIONS/services.svg"))
        .startsWith("<svg")
        .contains("class=\"panel-name\"");

    // Coaching hours as bars: the first service's two delivered sessions at the service level.
    assertThat(dom)
        .contains("Coaching hours by service and level")
        .contains("<th scope=\"row\">RA1</th>");
    assertThat(text("/reports/phases/" + wider + "/engagement/hours.svg"))
        .startsWith("<svg")
        .contains("RA1, Service leadership and frontline delivery: 2 planned, 2 delivered");

    // A suppressed month is not drawn: the hand-worked phase has 3 months, one withheld.
    String small =
        chromium("--dump-dom", "http://127.0.0.1:" + port + "/reports/phases/" + handWorked);
    List<String> smallSvgs = charts(small);
    assertThat(smallSvgs).hasSize(1);
    assertThat(count(smallSvgs.get(0), "<circle")).isEqualTo(2);

    Path shot = Path.of("target", "report-page.png").toAbsolutePath();
    Files.deleteIfExists(shot);
    chromium("--screenshot=" + shot, "--window-size=1200,2400", url);
    assertThat(shot).exists();
    assertThat(Files.size(shot)).isGreaterThan(10_000);
  }

  @Test
  void theIndexAPhasePageAndAServiceChartPassAxeInHeadlessChromium() {
    String base = "http://127.0.0.1:" + port;
    String chart =
        "/reports/phases/"
            + wider
            + "/services/"
            + widerServices.get(0).serviceId()
            + "/measures/RESTRICTIVE_INTERVENTIONS";
    Map<String, String> pages =
        Map.of(
            "reports-index",
            "/reports",
            "reports-phase",
            "/reports/phases/" + wider,
            "reports-service-chart",
            chart);
    try (HeadlessChromium chromium = HeadlessChromium.launch()) {
      pages.forEach(
          (name, path) -> {
            Page page = chromium.newPage();
            assertThat(page.navigate(base + path).status()).as(path).isEqualTo(200);
            Accessibility.assertNoViolations(page);
            assertThat(HeadlessChromium.screenshot(page, name)).exists();
          });
    }
  }

  @Test
  void pilotAgainstWiderIsAChartPageForItsReadersPassingAxeInHeadlessChromium() throws Exception {
    String path = "/reports/pilot-vs-wider";
    String html = text(path);
    List<String> bars =
        elements(html, "svg").stream().filter(svg -> svg.contains("class=\"wider\"")).toList();
    assertThat(bars).as("a chart per measure with the wider phase's bar").isNotEmpty();
    assertThat(html)
        .contains("class=\"pilot\"")
        .contains("<th scope=\"row\">Pilot phase 1</th>")
        .contains("<th scope=\"row\">Pilot phase 2</th>")
        .contains("<th scope=\"row\">Wider phase 1</th>")
        .contains(path + "/measures/RESTRICTIVE_INTERVENTIONS/chart.png");
    // Every phase, published or not: the public does not read it, its readers find it on the index.
    api.anonymous().get(path).expect(401);
    assertThat(text("/reports")).contains("href=\"" + path + "\"");
    assertThat(api.anonymous().get("/reports").expect(200).body().asString())
        .doesNotContain("href=\"" + path + "\"");
    HttpResponse<byte[]> png =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + path
                            + "/measures/RESTRICTIVE_INTERVENTIONS/chart.png"))
                .header("Authorization", "Bearer " + TestTokens.analyst())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
    assertThat(png.body().length).isGreaterThan(1_000);

    try (HeadlessChromium chromium = HeadlessChromium.launch()) {
      Page page = chromium.newPage();
      page.setExtraHTTPHeaders(Map.of("Authorization", "Bearer " + TestTokens.analyst()));
      assertThat(page.navigate("http://127.0.0.1:" + port + path).status()).isEqualTo(200);
      Accessibility.assertNoViolations(page);
      assertThat(HeadlessChromium.screenshot(page, "reports-pilot-vs-wider")).exists();
    }
  }

  String text(String path) {
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .header("Authorization", "Bearer " + TestTokens.admin())
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(answer.statusCode()).isEqualTo(200);
      return answer.body();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs Debian's chromium headless (CI installs it) and returns what it writes out. */
  static String chromium(String... args) throws Exception {
    Path profile = Files.createTempDirectory("chromium-profile");
    List<String> command =
        new ArrayList<>(
            List.of(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("chromium", ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(process.exitValue()).as("chromium's exit code").isZero();
    return Files.readString(out);
  }

  static List<String> elements(String html, String tag) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("<" + tag + "\\b.*?</" + tag + ">", Pattern.DOTALL).matcher(html);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  /** The page's SPC charts: its SVGs with a value line's group, not icons, keys or forest plots. */
  static List<String> charts(String html) {
    return elements(html, "svg").stream().filter(svg -> svg.contains("class=\"values\"")).toList();
  }

  /** The page's forest plots of equity rate ratios. */
  static List<String> forestPlots(String html) {
    return elements(html, "svg").stream()
        .filter(svg -> svg.contains("class=\"reference\""))
        .toList();
  }

  static int count(String text, String what) {
    return text.split(Pattern.quote(what), -1).length - 1;
  }
}
