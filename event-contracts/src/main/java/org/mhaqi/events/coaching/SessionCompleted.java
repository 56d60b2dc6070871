package org.mhaqi.events.coaching;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;
import org.mhaqi.events.enrollment.TeamRole;

/**
 * A session was delivered, with its attendance: the fact the programme's engagement evaluation is
 * built from (sessions and hours delivered against planned, attendance by role, lived-experience
 * participation).
 *
 * @param startsAt wall-clock start of the session, in {@code timeZone}
 * @param plannedMinutes the session's planned length
 * @param deliveredMinutes minutes actually delivered, between 0 and {@code plannedMinutes}
 * @param attendance per role of the project team: how many attended and, where recorded, which
 *     members (by id); roles nobody attended in are left out
 * @param attendees total number of attendees, the sum of the counts in {@code attendance}
 * @param livedExperiencePartnerTookPart whether a lived-experience partner took part
 */
@EventContract(type = "SessionCompleted", topic = Topics.COACHING_EVENTS)
public record SessionCompleted(
    UUID sessionId,
    UUID planId,
    UUID enrollmentId,
    UUID serviceId,
    UUID phaseId,
    CoachingLevel level,
    SessionKind kind,
    LocalDateTime startsAt,
    String timeZone,
    UUID coachId,
    int plannedMinutes,
    int deliveredMinutes,
    List<RoleAttendance> attendance,
    int attendees,
    boolean livedExperiencePartnerTookPart,
    Instant completedAt)
    implements SessionEvent {

  public SessionCompleted {
    attendance = List.copyOf(attendance);
  }

  /**
   * Attendance of one project-team role.
   *
   * @param count how many people in this role attended
   * @param memberIds the attending members' ids where they were recorded; at most {@code count}
   */
  public record RoleAttendance(TeamRole role, int count, List<UUID> memberIds) {

    public RoleAttendance {
      memberIds = List.copyOf(memberIds);
    }
  }

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
