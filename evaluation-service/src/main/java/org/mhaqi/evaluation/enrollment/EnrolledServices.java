package org.mhaqi.evaluation.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code enrolled_service} table: evaluation's view of enrolments. */
@Repository
public class EnrolledServices {

  private static final String COLUMNS =
      """
      enrollment_id, service_id, organisation_id, ods_code, provider_type, region, service_type,
      phase_id, phase_kind, coaching_starts_on, coaching_ends_on, enrolled_on, ended_on, status
      """;

  private final JdbcClient jdbc;

  EnrolledServices(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<EnrolledService> find(UUID enrollmentId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM enrolled_service WHERE enrollment_id = ?")
        .param(enrollmentId)
        .query(EnrolledServices::read)
        .optional();
  }

  /** The enrolments known of these ids, by id, in one query; unknown ids are left out. */
  public Map<UUID, EnrolledService> find(Collection<UUID> enrollmentIds) {
    Map<UUID, EnrolledService> found = new HashMap<>();
    if (!enrollmentIds.isEmpty()) {
      jdbc.sql("SELECT " + COLUMNS + " FROM enrolled_service WHERE enrollment_id = ANY (?)")
          .param(enrollmentIds.toArray(UUID[]::new))
          .query(EnrolledServices::read)
          .list()
          .forEach(e -> found.put(e.enrollmentId(), e));
    }
    return found;
  }

  /** Every enrolment of a service, earliest first (a pilot service may enrol again later). */
  public List<EnrolledService> ofService(UUID serviceId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM enrolled_service WHERE service_id = ? ORDER BY enrolled_on, enrollment_id")
        .param(serviceId)
        .query(EnrolledServices::read)
        .list();
  }

  /**
   * Every enrolment, in the order the query gives: {@code SELECT} followed by this, then {@code
   * FROM enrolled_service} and whatever condition and order the caller needs.
   */
  public static String columns() {
    return COLUMNS;
  }

  /**
   * A row of {@link #columns()}, read by column name. JdbcClient's mapping to a record by its class
   * would look each camelCase component up as a column first and catch the driver's exception
   * before trying the snake_case name: some ten exceptions a row, the most expensive part of the
   * engagement lists.
   */
  public static EnrolledService read(ResultSet rs, int row) throws SQLException {
    String providerType = rs.getString("provider_type");
    return new EnrolledService(
        rs.getObject("enrollment_id", UUID.class),
        rs.getObject("service_id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        rs.getString("ods_code"),
        providerType == null ? null : ProviderType.valueOf(providerType),
        Region.valueOf(rs.getString("region")),
        ServiceType.valueOf(rs.getString("service_type")),
        rs.getObject("phase_id", UUID.class),
        PhaseKind.valueOf(rs.getString("phase_kind")),
        rs.getObject("coaching_starts_on", LocalDate.class),
        rs.getObject("coaching_ends_on", LocalDate.class),
        rs.getObject("enrolled_on", LocalDate.class),
        rs.getObject("ended_on", LocalDate.class),
        EnrolledService.Status.valueOf(rs.getString("status")));
  }
}
