package org.mhaqi.support.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the audit trail, newest first. */
class AuditQueries {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> TARGET = new TypeReference<>() {};

  private final JdbcClient jdbc;

  AuditQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Page<AuditEntry> find(String subject, Instant from, Instant to, Pageable pageable) {
    StringBuilder where = new StringBuilder(" where true");
    List<Object> params = new ArrayList<>();
    if (subject != null && !subject.isBlank()) {
      where.append(" and subject = ?");
      params.add(subject.strip());
    }
    if (from != null) {
      where.append(" and occurred_at >= ?");
      params.add(Timestamp.from(from));
    }
    if (to != null) {
      where.append(" and occurred_at < ?");
      params.add(Timestamp.from(to));
    }
    long total =
        jdbc.sql("select count(*) from audit_event" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(pageable.getPageSize());
    pageParams.add(pageable.getOffset());
    List<AuditEntry> entries =
        jdbc.sql(
                "select * from audit_event"
                    + where
                    + " order by occurred_at desc, id desc limit ? offset ?")
            .params(pageParams)
            .query(
                (rs, row) ->
                    new AuditEntry(
                        rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("subject"),
                        rs.getString("roles"),
                        rs.getString("organisation"),
                        rs.getString("operation"),
                        rs.getString("path"),
                        JSON.readValue(rs.getString("target"), TARGET),
                        rs.getString("request_id"),
                        rs.getString("trace_id")))
            .list();
    return new PageImpl<>(entries, pageable, total);
  }
}
