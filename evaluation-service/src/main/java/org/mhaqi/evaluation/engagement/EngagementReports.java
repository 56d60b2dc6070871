package org.mhaqi.evaluation.engagement;

import static org.mhaqi.evaluation.engagement.EngagementQueries.Dimension.ENROLLMENT;
import static org.mhaqi.evaluation.engagement.EngagementQueries.Dimension.LEVEL;
import static org.mhaqi.evaluation.engagement.EngagementQueries.Dimension.PHASE;
import static org.mhaqi.evaluation.engagement.EngagementQueries.Dimension.REGION;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mhaqi.evaluation.engagement.EngagementQueries.Group;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.evaluation.enrollment.EnrolledServices;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The engagement reports the API publishes, per enrolled service and per phase, region, level. */
@Service
@Transactional(readOnly = true)
public class EngagementReports {

  /** Engagement at one coaching level. */
  public record LevelEngagement(CoachingLevel level, PublishedEngagement engagement) {}

  /**
   * One enrolment of a service with its engagement. The enrollment's details are null when its
   * coaching is known but its ServiceEnrolled has not arrived yet.
   *
   * @param engagement its coaching
   * @param learningEvents the programme-wide learning events it attended, apart from coaching
   */
  public record EnrollmentEngagement(
      UUID enrollmentId,
      UUID serviceId,
      String odsCode,
      Region region,
      ServiceType serviceType,
      UUID phaseId,
      PhaseKind phaseKind,
      EnrolledService.Status status,
      PublishedEngagement engagement,
      List<LevelEngagement> byLevel,
      PublishedLearningEvents learningEvents) {}

  /** Every enrolment of one service (a pilot service may enrol again in the wider phase). */
  public record ServiceEngagement(UUID serviceId, List<EnrollmentEngagement> enrollments) {}

  public record PhaseEngagement(
      UUID phaseId,
      PhaseKind phaseKind,
      PublishedEngagement engagement,
      List<LevelEngagement> byLevel) {}

  /** Engagement in a region; region null for sessions whose enrolment is not known yet. */
  public record RegionEngagement(Region region, PublishedEngagement engagement) {}

  private final EngagementQueries queries;
  private final EnrolledServices enrolledServices;
  private final AttendanceSuppression suppression;
  private final JdbcClient jdbc;
  private final LearningEventAttendance learningEvents;

  EngagementReports(
      EngagementQueries queries,
      EnrolledServices enrolledServices,
      AttendanceSuppression suppression,
      JdbcClient jdbc,
      LearningEventAttendance learningEvents) {
    this.queries = queries;
    this.enrolledServices = enrolledServices;
    this.suppression = suppression;
    this.jdbc = jdbc;
    this.learningEvents = learningEvents;
  }

  /**
   * Enrolled services, in ODS code and enrolment order, optionally of one phase or region.
   *
   * @param odsCode only this organisation's services; every organisation's when null
   */
  public Page<EnrollmentEngagement> services(
      UUID phaseId, Region region, String odsCode, Pageable pageable) {
    String where =
        "(CAST(:phaseId AS uuid) IS NULL OR phase_id = :phaseId)"
            + " AND (CAST(:region AS text) IS NULL OR region = :region)"
            + " AND (CAST(:odsCode AS text) IS NULL OR upper(ods_code) = :odsCode)";
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("phaseId", phaseId)
            .addValue("region", region == null ? null : region.name())
            .addValue("odsCode", odsCode)
            .addValue("limit", pageable.getPageSize())
            .addValue("offset", pageable.getOffset());
    long total =
        jdbc.sql("SELECT count(*) FROM enrolled_service WHERE " + where)
            .paramSource(params)
            .query(Long.class)
            .single();
    Map<UUID, EnrolledService> page = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT "
                + EnrolledServices.columns()
                + " FROM enrolled_service WHERE "
                + where
                + " ORDER BY ods_code, enrolled_on, enrollment_id LIMIT :limit OFFSET :offset")
        .paramSource(params)
        .query(EnrolledServices::read)
        .list()
        .forEach(e -> page.put(e.enrollmentId(), e));
    List<UUID> ids = List.copyOf(page.keySet());
    List<EnrollmentEngagement> items = enrollments(ids, page);
    return new PageImpl<>(items, pageable, total);
  }

  /** Every enrolment of the service with its engagement; empty when the service is unknown. */
  public List<EnrollmentEngagement> service(UUID serviceId) {
    List<UUID> ids = new ArrayList<>();
    enrolledServices.ofService(serviceId).forEach(e -> ids.add(e.enrollmentId()));
    jdbc
        .sql(
            "SELECT DISTINCT enrollment_id FROM engagement_session WHERE service_id = ?"
                + " ORDER BY enrollment_id")
        .param(serviceId)
        .query(UUID.class)
        .list()
        .stream()
        .filter(id -> !ids.contains(id))
        .forEach(ids::add);
    jdbc
        .sql(
            "SELECT DISTINCT enrollment_id FROM learning_event_attendance WHERE service_id = ?"
                + " ORDER BY enrollment_id")
        .param(serviceId)
        .query(UUID.class)
        .list()
        .stream()
        .filter(id -> !ids.contains(id))
        .forEach(ids::add);
    return enrollments(ids, enrolledServices.find(ids));
  }

  public List<PhaseEngagement> phases() {
    Map<String, PhaseKind> kinds = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT phase_id::text AS id, phase_kind FROM enrolled_service"
                + " UNION SELECT phase_id::text, phase_kind FROM engagement_plan")
        .query(
            rs -> {
              kinds.put(rs.getString("id"), PhaseKind.valueOf(rs.getString("phase_kind")));
            });
    Map<String, List<LevelEngagement>> levels = levelsBy(PHASE, "true", null);
    return queries.figures(List.of(PHASE), "true", new MapSqlParameterSource()).stream()
        .map(
            g ->
                new PhaseEngagement(
                    UUID.fromString(g.key().get(0)),
                    kinds.get(g.key().get(0)),
                    publish(g),
                    levels.getOrDefault(g.key().get(0), List.of())))
        .toList();
  }

  public List<RegionEngagement> regions(UUID phaseId) {
    return queries.figures(List.of(REGION), phaseCondition(phaseId), phaseParams(phaseId)).stream()
        .map(
            g ->
                new RegionEngagement(
                    g.key().get(0) == null ? null : Region.valueOf(g.key().get(0)), publish(g)))
        .toList();
  }

  public List<LevelEngagement> levels(UUID phaseId) {
    return queries.figures(List.of(LEVEL), phaseCondition(phaseId), phaseParams(phaseId)).stream()
        .map(g -> new LevelEngagement(CoachingLevel.valueOf(g.key().get(0)), publish(g)))
        .toList();
  }

  /**
   * The enrolments' engagement, in the order of {@code ids}.
   *
   * @param known what evaluation knows of those enrolments (none yet for some, whose coaching
   *     arrived before their ServiceEnrolled), read with them rather than one query each
   */
  private List<EnrollmentEngagement> enrollments(List<UUID> ids, Map<UUID, EnrolledService> known) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String where = "s.enrollment_id IN (:ids)";
    MapSqlParameterSource params = new MapSqlParameterSource().addValue("ids", ids);
    Map<String, PublishedEngagement> totals = new LinkedHashMap<>();
    queries
        .figures(List.of(ENROLLMENT), where, params)
        .forEach(g -> totals.put(g.key().get(0), publish(g)));
    Map<String, List<LevelEngagement>> levels = levelsBy(ENROLLMENT, where, params);
    PublishedEngagement none = PublishedEngagement.of(EngagementFigures.NONE, suppression);
    Map<UUID, LearningEventAttendance.Figures> attended = learningEvents.of(ids);
    List<EnrollmentEngagement> result = new ArrayList<>();
    for (UUID id : ids) {
      String key = id.toString();
      PublishedEngagement engagement = totals.getOrDefault(key, none);
      List<LevelEngagement> byLevel = levels.getOrDefault(key, List.of());
      PublishedLearningEvents learning =
          PublishedLearningEvents.of(
              attended.getOrDefault(id, LearningEventAttendance.Figures.NONE), suppression);
      result.add(
          Optional.ofNullable(known.get(id))
              .map(
                  e ->
                      new EnrollmentEngagement(
                          id,
                          e.serviceId(),
                          e.odsCode(),
                          e.region(),
                          e.serviceType(),
                          e.phaseId(),
                          e.phaseKind(),
                          e.status(),
                          engagement,
                          byLevel,
                          learning))
              .orElseGet(
                  () ->
                      new EnrollmentEngagement(
                          id,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          engagement,
                          byLevel,
                          learning)));
    }
    return result;
  }

  private Map<String, List<LevelEngagement>> levelsBy(
      EngagementQueries.Dimension outer, String where, MapSqlParameterSource params) {
    Map<String, List<LevelEngagement>> levels = new LinkedHashMap<>();
    for (Group g :
        queries.figures(
            List.of(outer, LEVEL), where, params == null ? new MapSqlParameterSource() : params)) {
      levels
          .computeIfAbsent(g.key().get(0), k -> new ArrayList<>())
          .add(new LevelEngagement(CoachingLevel.valueOf(g.key().get(1)), publish(g)));
    }
    return levels;
  }

  private PublishedEngagement publish(Group g) {
    return PublishedEngagement.of(g.figures(), suppression);
  }

  private static String phaseCondition(UUID phaseId) {
    return phaseId == null ? "true" : "s.phase_id = :phaseId";
  }

  private static MapSqlParameterSource phaseParams(UUID phaseId) {
    return new MapSqlParameterSource().addValue("phaseId", phaseId);
  }
}
