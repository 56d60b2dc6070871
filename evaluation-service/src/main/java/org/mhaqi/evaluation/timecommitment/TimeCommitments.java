package org.mhaqi.evaluation.timecommitment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.evaluation.enrollment.EnrolledServices;
import org.mhaqi.evaluation.enrollment.OrganisationScope;
import org.mhaqi.evaluation.redaction.FreeText;
import org.mhaqi.evaluation.timecommitment.TimeCommitmentRules.Summary;
import org.mhaqi.evaluation.web.RejectedInputException;
import org.mhaqi.evaluation.web.RejectedInputException.Problem;
import org.mhaqi.support.web.NotFoundException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes weekly time-commitment returns in and reports them per service. */
@Service
@EnableConfigurationProperties(TimeCommitmentProperties.class)
class TimeCommitments implements FreeText {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static final String COLUMNS =
      "service_id, enrollment_id, week_starting, team_members, qi_hours, coaching_hours";

  private final JdbcClient jdbc;
  private final EnrolledServices enrollments;
  private final TimeCommitmentProperties expectation;
  private final Clock clock;
  private final OrganisationScope scope;

  TimeCommitments(
      JdbcClient jdbc,
      EnrolledServices enrollments,
      TimeCommitmentProperties expectation,
      Clock clock,
      OrganisationScope scope) {
    this.scope = scope;
    this.jdbc = jdbc;
    this.enrollments = enrollments;
    this.expectation = expectation;
    this.clock = clock;
  }

  /** A service's weeks and their summary. */
  record Report(UUID serviceId, Summary summary, List<WeeklyReturn> weeks) {}

  @Transactional
  WeeklyReturn submit(
      UUID serviceId,
      LocalDate weekStarting,
      int teamMembers,
      java.math.BigDecimal qiHours,
      java.math.BigDecimal coachingHours,
      String actor) {
    scope.requireVisible(serviceId);
    List<EnrolledService> ofService = enrollments.ofService(serviceId);
    if (ofService.isEmpty()) {
      throw new NotFoundException("enrolled service", serviceId);
    }
    List<Problem> problems =
        TimeCommitmentRules.check(
            weekStarting,
            teamMembers,
            qiHours,
            coachingHours,
            ofService,
            LocalDate.now(clock.withZone(LONDON)));
    if (!problems.isEmpty()) {
      throw new RejectedInputException(
          HttpStatus.UNPROCESSABLE_CONTENT, "invalid-time-commitment", problems);
    }
    EnrolledService enrollment =
        TimeCommitmentRules.enrollmentFor(ofService, weekStarting).orElseThrow();
    int inserted =
        jdbc.sql(
                """
                INSERT INTO time_commitment_return (%s, submitted_by, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (service_id, week_starting) DO NOTHING
                """
                    .formatted(COLUMNS))
            .params(
                serviceId,
                enrollment.enrollmentId(),
                weekStarting,
                teamMembers,
                qiHours,
                coachingHours,
                actor,
                Timestamp.from(clock.instant()))
            .update();
    if (inserted == 0) {
      throw new RejectedInputException(
          HttpStatus.CONFLICT,
          "duplicate-time-commitment",
          List.of(
              Problem.of("weekStarting", "the week of " + weekStarting + " was already returned")));
    }
    return new WeeklyReturn(
        serviceId, enrollment.enrollmentId(), weekStarting, teamMembers, qiHours, coachingHours);
  }

  @Transactional(readOnly = true)
  Report report(UUID serviceId) {
    scope.requireVisible(serviceId);
    List<WeeklyReturn> weeks =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM time_commitment_return WHERE service_id = ? ORDER BY week_starting")
            .param(serviceId)
            .query(WeeklyReturn.class)
            .list();
    if (weeks.isEmpty() && enrollments.ofService(serviceId).isEmpty()) {
      throw new NotFoundException("enrolled service", serviceId);
    }
    return new Report(serviceId, TimeCommitmentRules.summarise(weeks, expectation), weeks);
  }

  /**
   * A page of the services that returned hours, as reports, in service id order; a trust member's
   * organisation's services only.
   */
  @Transactional(readOnly = true)
  Page<Report> reports(Pageable pageable) {
    String odsCode = scope.odsCodeFilter();
    String services =
        """
         FROM (SELECT DISTINCT service_id FROM time_commitment_return) t
         WHERE cast(:odsCode AS text) IS NULL OR EXISTS (
               SELECT 1 FROM enrolled_service e
               WHERE e.service_id = t.service_id AND upper(e.ods_code) = :odsCode)
        """;
    long total =
        jdbc.sql("SELECT count(*)" + services).param("odsCode", odsCode).query(Long.class).single();
    List<Report> content =
        jdbc
            .sql(
                "SELECT t.service_id"
                    + services
                    + " ORDER BY t.service_id LIMIT :limit OFFSET :offset")
            .param("odsCode", odsCode)
            .param("limit", pageable.getPageSize())
            .param("offset", pageable.getOffset())
            .query(UUID.class)
            .list()
            .stream()
            .map(this::report)
            .toList();
    return new PageImpl<>(content, pageable, total);
  }

  TimeCommitmentProperties expectation() {
    return expectation;
  }

  @Override
  public List<Column> freeTextColumns() {
    return List.of(
        new Column("timeCommitment.submittedBy", "time_commitment_return", "submitted_by", 200));
  }
}
