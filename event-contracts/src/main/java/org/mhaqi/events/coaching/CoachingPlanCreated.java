package org.mhaqi.events.coaching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;
import org.mhaqi.events.enrollment.PhaseKind;

/**
 * An enrolled service's coaching plan was generated over its phase's coaching window. One {@link
 * SessionScheduled} per planned session follows it.
 *
 * @param windowStartsOn first day of the coaching window (inclusive)
 * @param windowEndsOn last day of the coaching window (inclusive)
 * @param sessions how many sessions the plan holds, staffed or not
 * @param unstaffedSessions how many of them no coach could take without being double-booked or over
 *     capacity
 */
@EventContract(type = "CoachingPlanCreated", topic = Topics.COACHING_EVENTS)
public record CoachingPlanCreated(
    UUID planId,
    UUID enrollmentId,
    UUID serviceId,
    UUID phaseId,
    PhaseKind phaseKind,
    LocalDate windowStartsOn,
    LocalDate windowEndsOn,
    int sessions,
    int unstaffedSessions,
    Instant createdAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
