package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mhaqi.coaching.coach.Coaches;
import org.mhaqi.coaching.coach.RosterLock;
import org.mhaqi.coaching.enrollment.Enrollments;
import org.mhaqi.coaching.plan.PlanGeneration;
import org.mhaqi.coaching.scheduling.CoachProfile;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Coaches' time is guarded twice: the roster lock orders every decision that books or frees it, and
 * the database refuses a double-booked coach if a decision ever gets past the roster.
 */
class CoachRosterIT extends IntegrationTest {

  @Autowired Coaches coaches;
  @Autowired RosterLock rosterLock;
  @Autowired TransactionTemplate transactions;
  @Autowired Enrollments enrollments;
  @Autowired PlanGeneration generation;
  @Autowired EntityManager entityManager;

  /**
   * A batch of enrolments may be planned in one transaction. Each plan's sessions wait in
   * Hibernate's queue until a flush, and the roster is read with plain SQL: it must flush them
   * first, not count on a query before it to have done so (flush mode COMMIT here takes those
   * away), or every plan would book the same free time as the first.
   */
  @Test
  void plansMadeInOneTransactionSeeEachOthersBookings() {
    LocalDate first = LocalDate.of(2033, 1, 3);
    LocalDate last = LocalDate.of(2033, 2, 25);
    List<UUID> ids = Stream.generate(UUID::randomUUID).limit(4).toList();
    // The enrolments' rows exist already (their team came first), so recording them flushes
    // nothing.
    transactions.executeWithoutResult(
        status -> ids.forEach(id -> enrollments.teamUpdated(team(id, UUID.randomUUID()))));

    transactions.executeWithoutResult(
        status -> {
          entityManager.setFlushMode(FlushModeType.COMMIT);
          ids.forEach(id -> generation.planFor(enrollments.enrolled(enrolled(id, first, last))));
        });

    List<UUID> plans =
        jdbc.sql("select id from coaching_plan where enrollment_id in (:ids)")
            .param("ids", ids)
            .query(UUID.class)
            .list();
    assertThat(plans).hasSize(ids.size());
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from coaching_session a join coaching_session b
                      on a.coach_id = b.coach_id and a.id < b.id
                     and a.starts_at::date = b.starts_at::date
                     and (a.kind = 'IMPROVEMENT_DAY' or b.kind = 'IMPROVEMENT_DAY'
                          or (a.starts_at < b.starts_at + make_interval(mins => b.duration_minutes)
                              and b.starts_at < a.starts_at + make_interval(mins => a.duration_minutes)))
                    where a.plan_id in (:plans) and b.plan_id in (:plans)
                      and a.status <> 'CANCELLED' and b.status <> 'CANCELLED'
                    """)
                .param("plans", plans)
                .query(Long.class)
                .single())
        .as("coaches booked twice at once")
        .isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from coaching_session where plan_id in (:plans)"
                        + " and coach_id is not null")
                .param("plans", plans)
                .query(Long.class)
                .single())
        .as("staffed sessions")
        .isPositive();
  }

  @Test
  void recordingDaysAwayWaitsForTheRosterLockThatBookingHolds() throws Exception {
    UUID coachId = UUID.fromString(read("/api/coaches").get("content").get(0).get("id").asString());
    LocalDate day = LocalDate.of(2031, 3, 4);
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> booking =
        CompletableFuture.runAsync(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      rosterLock.lock();
                      locked.countDown();
                      await(release);
                    }));
    assertThat(locked.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> daysAway =
        CompletableFuture.runAsync(() -> coaches.addDaysAway(coachId, day, day, "Leave"));
    Thread.sleep(1_500);
    assertThat(daysAway).isNotDone();

    release.countDown();
    booking.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    daysAway.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(read("/api/coaches/{id}", coachId).get("daysAway").toString())
        .contains(day.toString());
    coaches.removeDaysAway(coachId, day, day);
  }

  @Test
  void theDatabaseRefusesACoachTwoLiveSessionsThatOverlapEvenPastTheRosterCheck() throws Exception {
    UUID enrollmentId = UUID.randomUUID();
    enrollmentService().send(enrolled(enrollmentId, today().plusWeeks(30), today().plusWeeks(34)));
    JsonNode session =
        EnrollmentEventsIT.list(awaitPlan(enrollmentId).get("sessions")).stream()
            .filter(s -> s.get("kind").asString().equals("COACHING_SESSION"))
            .filter(s -> s.get("staffed").asBoolean())
            .findFirst()
            .orElseThrow();
    UUID sessionId = UUID.fromString(session.get("id").asString());
    UUID coachId = UUID.fromString(session.get("coachId").asString());
    LocalDateTime startsAt = LocalDateTime.parse(session.get("startsAt").asString());

    // Half an hour into the existing session, same coach, straight into the table.
    assertThatThrownBy(() -> copy(sessionId, coachId, startsAt.plusMinutes(30), "SCHEDULED"))
        .isInstanceOfSatisfying(
            DataAccessException.class,
            e ->
                assertThat(((SQLException) e.getMostSpecificCause()).getSQLState())
                    .as("exclusion_violation")
                    .isEqualTo("23P01"))
        .hasMessageContaining("coaching_session_coach_not_double_booked");

    // Back to back, a cancelled copy, or another coach at the same time: all allowed.
    UUID otherCoach = registerCoach();
    int minutes = session.get("durationMinutes").asInt();
    List<UUID> allowed =
        List.of(
            copy(sessionId, coachId, startsAt.plusMinutes(minutes), "SCHEDULED"),
            copy(sessionId, coachId, startsAt, "CANCELLED"),
            copy(sessionId, otherCoach, startsAt, "SCHEDULED"));
    jdbc.sql("delete from coaching_session where id in (?, ?, ?)")
        .params(allowed.get(0), allowed.get(1), allowed.get(2))
        .update();
  }

  /** The roster's coaches: as the entities have them, with only the days away of its weeks. */
  @Test
  void theRosterSeesEveryStaffableCoachWithTheDaysAwayOfItsWeeksOnly() throws Exception {
    UUID coachId = registerCoach();
    for (String monday : List.of("2032-05-31", "2032-06-07", "2032-06-14")) {
      Api.Response away =
          postJson("/api/coaches/{id}/days-away", Map.of("from", monday, "to", monday), coachId);
      assertThat(away.status()).isEqualTo(200);
    }
    LocalDate from = LocalDate.of(2032, 6, 7);
    LocalDate until = LocalDate.of(2032, 6, 14);

    List<CoachProfile> profiles = coaches.profiles(from, until);

    assertThat(profiles)
        .contains(
            new CoachProfile(
                coachId,
                Set.of(CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY),
                Set.of(DayOfWeek.MONDAY),
                60,
                Set.of(from)));
    List<CoachProfile> entities = coaches.profiles();
    assertThat(profiles)
        .extracting(CoachProfile::id)
        .containsExactlyElementsOf(entities.stream().map(CoachProfile::id).toList());
    assertThat(profiles)
        .extracting(
            CoachProfile::levels, CoachProfile::workingDays, CoachProfile::weeklyCapacityMinutes)
        .containsExactlyElementsOf(
            entities.stream()
                .map(p -> tuple(p.levels(), p.workingDays(), p.weeklyCapacityMinutes()))
                .toList());
  }

  private UUID registerCoach() throws Exception {
    Api.Response created =
        postJson(
            "/api/coaches",
            Map.of(
                "name",
                "Roster test coach",
                "levels",
                List.of("SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY"),
                "workingDays",
                List.of("MONDAY"),
                "weeklyCapacityHours",
                1));
    assertThat(created.status()).isEqualTo(201);
    return UUID.fromString(created.id());
  }

  @Test
  void datesOutsideTheSupportedRangeAreBadRequestsNamingTheField() throws Exception {
    String coachId = read("/api/coaches").get("content").get(0).get("id").asString();

    Api.Response sessions =
        get(
            "/api/coaches/{id}/sessions?from={from}&to={to}",
            coachId,
            "2026-01-01",
            "+999999999-12-31");
    assertProblem(sessions, "to");

    Api.Response daysAway =
        postJson(
            "/api/coaches/{id}/days-away",
            Map.of("from", "+999999999-01-01", "to", "2027-01-02"),
            coachId);
    assertProblem(daysAway, "from");
    assertThat(read("/api/coaches/{id}", coachId).get("daysAway").toString())
        .doesNotContain("999999999");
  }

  private void assertProblem(Api.Response result, String field) {
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.contentType()).startsWith("application/problem+json");
    JsonNode problem = result.body();
    assertThat(problem.toString()).as("the problem names the field").contains("\"" + field + "\"");
  }

  private UUID copy(UUID sessionId, UUID coachId, LocalDateTime startsAt, String status) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into coaching_session (id, plan_id, level, kind, starts_at, time_zone,
                duration_minutes, original_starts_at, coach_id, status, revision, updated_at,
                version)
            select ?, plan_id, level, kind, ?, time_zone, duration_minutes, ?, ?, ?, 0,
                updated_at, 0
            from coaching_session where id = ?
            """)
        .params(
            id,
            java.sql.Timestamp.valueOf(startsAt),
            java.sql.Timestamp.valueOf(startsAt),
            coachId,
            status,
            sessionId)
        .update();
    return id;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
