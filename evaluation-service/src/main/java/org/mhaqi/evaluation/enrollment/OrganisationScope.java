package org.mhaqi.evaluation.enrollment;

import java.util.UUID;
import org.mhaqi.support.security.Callers;
import org.mhaqi.support.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which services the caller may see: a trust member only those of their own organisation (the ODS
 * code of the token's {@code organisation} claim, matched against the enrolments evaluation knows
 * from enrollment.events), everyone else every service. Another organisation's service is answered
 * as not found, exactly as a service that does not exist, so that its existence is not disclosed.
 */
@Component
public class OrganisationScope {

  private final JdbcClient jdbc;

  OrganisationScope(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The ODS code lists and queries are limited to, for SQL such as {@code (cast(:ods AS text) IS
   * NULL OR e.ods_code = :ods)}: null when the caller sees every organisation's services.
   */
  public String odsCodeFilter() {
    return Callers.current().odsCodeFilter();
  }

  /**
   * Checks that the caller may see the service.
   *
   * @throws NotFoundException for a trust member when no enrolment of the service belongs to their
   *     organisation
   */
  public void requireVisible(UUID serviceId) {
    if (!includes(serviceId)) {
      throw new NotFoundException("enrolled service", serviceId);
    }
  }

  /**
   * Whether the caller may see the service and what belongs to it: always unless a trust member,
   * for them when an enrolment of the service belongs to their organisation. Callers loading an
   * object by its own id answer "not found" for that object when this is false.
   */
  public boolean includes(UUID serviceId) {
    String odsCode = odsCodeFilter();
    if (odsCode == null) {
      return true;
    }
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM enrolled_service"
                + " WHERE service_id = ? AND upper(ods_code) = ?)")
        .params(serviceId, odsCode)
        .query(Boolean.class)
        .single();
  }
}
