package org.mhaqi.notification.directory;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Services and organisations as enrollment-service announced them. Each write keeps what it does
 * not know, so that the events may arrive in any order across topics.
 */
@Component
public class ServiceDirectory {

  /** A service as messages name it; the names are null until its registration has been read. */
  public record ServiceEntry(
      UUID serviceId, String odsCode, String serviceName, String organisationName) {}

  private final JdbcClient jdbc;

  ServiceDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void organisationRegistered(UUID organisationId, String odsCode, String name, Instant at) {
    jdbc.sql(
            """
            insert into organisation_directory (organisation_id, ods_code, organisation_name, updated_at)
            values (:id, upper(:ods), :name, :at)
            on conflict (organisation_id) do update
               set ods_code = excluded.ods_code, organisation_name = excluded.organisation_name,
                   updated_at = excluded.updated_at
            """)
        .param("id", organisationId)
        .param("ods", odsCode)
        .param("name", name)
        .param("at", java.sql.Timestamp.from(at))
        .update();
  }

  /** A service's registration: the authority on its organisation and name. */
  public void serviceRegistered(UUID serviceId, UUID organisationId, String name, Instant at) {
    jdbc.sql(
            """
            insert into service_directory (service_id, organisation_id, service_name, updated_at)
            values (:id, :organisation, :name, :at)
            on conflict (service_id) do update
               set organisation_id = excluded.organisation_id,
                   service_name = excluded.service_name, updated_at = excluded.updated_at
            """)
        .param("id", serviceId)
        .param("organisation", organisationId)
        .param("name", name)
        .param("at", java.sql.Timestamp.from(at))
        .update();
  }

  /**
   * What an enrolment says of its service: fills what the registration has not told yet, never
   * overwrites it.
   */
  public void serviceEnrolled(UUID serviceId, UUID organisationId, String odsCode, Instant at) {
    jdbc.sql(
            """
            insert into service_directory (service_id, organisation_id, ods_code, updated_at)
            values (:id, :organisation, upper(:ods), :at)
            on conflict (service_id) do update
               set organisation_id = coalesce(service_directory.organisation_id, excluded.organisation_id),
                   ods_code = coalesce(service_directory.ods_code, excluded.ods_code)
            """)
        .param("id", serviceId)
        .param("organisation", organisationId)
        .param("ods", odsCode)
        .param("at", java.sql.Timestamp.from(at))
        .update();
  }

  /** The service, its organisation's ODS code (from either table) and names, when known. */
  public Optional<ServiceEntry> service(UUID serviceId) {
    return jdbc.sql(
            """
            select s.service_id, coalesce(o.ods_code, s.ods_code) as ods_code, s.service_name,
                   o.organisation_name
              from service_directory s
              left join organisation_directory o on o.organisation_id = s.organisation_id
             where s.service_id = ?
            """)
        .param(serviceId)
        .query(
            (rs, i) ->
                new ServiceEntry(
                    rs.getObject("service_id", UUID.class),
                    rs.getString("ods_code"),
                    rs.getString("service_name"),
                    rs.getString("organisation_name")))
        .optional();
  }
}
