package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mhaqi.coaching.coach.Coaches;
import org.mhaqi.coaching.enrollment.Enrollments;
import org.mhaqi.coaching.plan.CoachingPlan;
import org.mhaqi.coaching.plan.PlanGeneration;
import org.mhaqi.coaching.scheduling.Cadence;
import org.mhaqi.coaching.scheduling.CoachProfile;
import org.mhaqi.coaching.scheduling.PlannedSession;
import org.mhaqi.coaching.scheduling.Planner;
import org.mhaqi.coaching.scheduling.Roster;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.testing.BenchmarkRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long planning takes for the demo's enrolments and for ten times as many. Not a timed test: it
 * prints figures and checks only that every session was planned. Skipped unless run with {@code
 * -Dbenchmark=true} (see coaching-service/README.md).
 *
 * <p>Two measures: the planner alone (in memory), and the whole path an enrolment takes after it is
 * consumed (record the enrolment, load the roster, plan, store the plan and its outbox events, each
 * enrolment in its own transaction) against real PostgreSQL with the default coach pool.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class PlanningBenchmarkIT extends IntegrationTest {

  private static final Logger log = LoggerFactory.getLogger(PlanningBenchmarkIT.class);

  static final int DEMO_ENROLLMENTS = 45;

  @Autowired Enrollments enrollments;
  @Autowired PlanGeneration plans;
  @Autowired Coaches coaches;
  @Autowired Planner planner;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void planTheDemoAndTenTimesAsMany() {
    List<CoachProfile> pool = coaches.profiles();
    List<CoachProfile> tenfoldPool = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      pool.forEach(
          c ->
              tenfoldPool.add(
                  new CoachProfile(
                      UUID.randomUUID(),
                      c.levels(),
                      c.workingDays(),
                      c.weeklyCapacityMinutes(),
                      c.daysAway())));
    }
    LocalDate first = LocalDate.of(2024, 9, 1);
    LocalDate last = LocalDate.of(2025, 3, 31);
    inMemory("in memory, default pool", DEMO_ENROLLMENTS, pool, first, last);
    inMemory("in memory, default pool", 10 * DEMO_ENROLLMENTS, pool, first, last);
    inMemory("in memory, ten times the pool", 10 * DEMO_ENROLLMENTS, tenfoldPool, first, last);

    // Separate windows so the two runs do not share coaches' time.
    throughTheService(DEMO_ENROLLMENTS, first.minusYears(1), last.minusYears(1)); // warm-up
    Cost demo = throughTheService(DEMO_ENROLLMENTS, first, last);
    long demoHeap = heapAfterFullGc();
    // Ten times the coaches as well, so the larger run is staffed like the demo.
    for (int i = 1; i < 10; i++) {
      int copy = i;
      coaches.all().stream()
          .filter(c -> c.getName().startsWith("Demo coach"))
          .forEach(
              c ->
                  coaches.register(
                      "Benchmark copy " + copy + " of " + c.getName(),
                      null,
                      c.levels(),
                      c.getWorkingDays(),
                      c.getWeeklyCapacityMinutes()));
    }
    Cost tenfold = throughTheService(10 * DEMO_ENROLLMENTS, first.plusYears(2), last.plusYears(2));
    long tenfoldHeap = heapAfterFullGc();
    log.info(
        "{}",
        BenchmarkRow.atMostTimesBaseline(
            "5 scale: ms per enrolment planned, 10x demo (450, 130 coaches) vs demo (45, 13)",
            tenfold.millisPerEnrollment(),
            demo.millisPerEnrollment(),
            "ms",
            1.5));
    log.info(
        "{}",
        BenchmarkRow.atMostTimesBaseline(
            "5 scale: ms per session planned, 10x demo vs demo",
            tenfold.millisPerSession(),
            demo.millisPerSession(),
            "ms",
            1.5));
    log.info(
        "{}",
        BenchmarkRow.atMostTimesBaseline(
            "5 scale: coaching-service heap after full GC, after 10x demo vs after demo",
            tenfoldHeap / 1e6,
            demoHeap / 1e6,
            "MB",
            1.5));
  }

  /** Used heap right after a full collection: what the service keeps, not what it churns. */
  private static long heapAfterFullGc() {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** What planning cost per enrolment and per session in one run. */
  record Cost(double millisPerEnrollment, double millisPerSession) {}

  private void inMemory(
      String what, int enrollmentCount, List<CoachProfile> pool, LocalDate first, LocalDate last) {
    for (int warmUp = 0; warmUp < 3; warmUp++) {
      planAll(enrollmentCount, pool, first, last);
    }
    long started = System.nanoTime();
    List<PlannedSession> all = planAll(enrollmentCount, pool, first, last);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    report(
        what,
        enrollmentCount,
        pool.size(),
        all.size(),
        all.stream().filter(s -> !s.staffed()).count(),
        took);
    TreeMap<String, Long> unstaffedByMonth =
        all.stream()
            .filter(s -> !s.staffed())
            .collect(
                Collectors.groupingBy(
                    s -> s.level() + "/" + s.kind() + " " + YearMonth.from(s.startsAt()),
                    TreeMap::new,
                    Collectors.counting()));
    log.info("BENCHMARK unstaffed by level, kind and month: {}", unstaffedByMonth);
  }

  private List<PlannedSession> planAll(
      int enrollmentCount, List<CoachProfile> pool, LocalDate first, LocalDate last) {
    Roster roster = new Roster(pool);
    List<PlannedSession> all = new ArrayList<>();
    for (int i = 0; i < enrollmentCount; i++) {
      all.addAll(planner.plan(first, last, Cadence.defaults(), roster));
    }
    return all;
  }

  private Cost throughTheService(int enrollmentCount, LocalDate first, LocalDate last) {
    TransactionTemplate transactions = new TransactionTemplate(transactionManager);
    long sessions = 0;
    long unstaffed = 0;
    List<Integer> sizes = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < enrollmentCount; i++) {
      ServiceEnrolled event = enrolled(UUID.randomUUID(), first, last);
      CoachingPlan plan =
          transactions.execute(status -> plans.planFor(enrollments.enrolled(event)));
      sessions += plan.getSessions().size();
      sizes.add(plan.getSessions().size());
      unstaffed += plan.getSessions().stream().filter(s -> !s.isStaffed()).count();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    report(
        "through the service (PostgreSQL, outbox)",
        enrollmentCount,
        coaches.profiles().size(),
        sessions,
        unstaffed,
        took);
    // 7 months: 7 executive sessions, 7 improvement days and a weekly hour in the other weeks.
    assertThat(sizes).hasSize(enrollmentCount).allSatisfy(n -> assertThat(n).isBetween(36, 40));
    double millis = took.toNanos() / 1e6;
    return new Cost(millis / enrollmentCount, millis / sessions);
  }

  private static void report(
      String what, int enrollments, int coachCount, long sessions, long unstaffed, Duration took) {
    log.info(
        "BENCHMARK {}: {} enrollments, {} coaches -> {} sessions ({} unstaffed) in {} ms ({} ms per"
            + " enrollment)",
        what,
        enrollments,
        coachCount,
        sessions,
        unstaffed,
        took.toMillis(),
        String.format("%.1f", took.toNanos() / 1e6 / enrollments));
  }

  static Instant now() {
    return Instant.now();
  }
}
