package org.mhaqi.coaching.plan;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets an erased team member in the attendance of delivered sessions: each record keeps the role
 * (and the counts per role stay as they were), the member id goes. Applying it twice changes
 * nothing.
 */
@Component
@Transactional
public class AttendeeErasure {

  private final JdbcClient jdbc;

  AttendeeErasure(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @return how many attendance records named the member
   */
  public int memberErased(UUID memberId) {
    return jdbc.sql("update session_attendee set member_id = null where member_id = ?")
        .param(memberId)
        .update();
  }
}
