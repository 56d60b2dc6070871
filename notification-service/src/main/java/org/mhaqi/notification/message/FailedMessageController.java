package org.mhaqi.notification.message;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The messages the SMTP server refused for good, for the central team (administrators). */
@RestController
@Tag(name = "Messages")
class FailedMessageController {

  record FailedMessage(
      UUID id,
      UUID eventId,
      UUID contactId,
      Notice notice,
      String recipient,
      int attempts,
      Instant failedAt,
      String reason) {}

  private final JdbcClient jdbc;

  FailedMessageController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/api/admin/messages/failed")
  @Transactional(readOnly = true)
  @Operation(summary = "Messages refused for good (5xx), the latest first, at most 500")
  List<FailedMessage> failed() {
    return jdbc.sql(
            """
            select id, event_id, contact_id, notice, recipient, attempts, failed_at, last_error
              from message where status = 'FAILED' order by failed_at desc limit 500
            """)
        .query(
            (rs, i) ->
                new FailedMessage(
                    rs.getObject("id", UUID.class),
                    rs.getObject("event_id", UUID.class),
                    rs.getObject("contact_id", UUID.class),
                    Notice.valueOf(rs.getString("notice")),
                    rs.getString("recipient"),
                    rs.getInt("attempts"),
                    rs.getTimestamp("failed_at").toInstant(),
                    rs.getString("last_error")))
        .list();
  }
}
