package org.mhaqi.coaching.plan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.mhaqi.coaching.coach.Coaches;
import org.mhaqi.coaching.enrollment.Enrollments;
import org.mhaqi.coaching.scheduling.ScheduleProperties;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.Paging;
import org.mhaqi.support.web.SupportedDates;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads plans and sessions for the API and the calendar feeds; changes nothing. */
@Service
@Transactional(readOnly = true)
public class PlanQueries {

  /** Lists of plans: stable, the id breaking ties. */
  private static final Sort PLAN_ORDER = Sort.by("createdAt", "id");

  /** Lists of sessions: by wall-clock start, the id breaking ties. */
  private static final Sort SESSION_ORDER = Sort.by("startsAt", "id");

  private final PlanRepository plans;
  private final SessionRepository sessions;
  private final ScheduleProperties schedule;
  private final Coaches coaches;
  private final Enrollments enrollments;

  PlanQueries(
      PlanRepository plans,
      SessionRepository sessions,
      ScheduleProperties schedule,
      Coaches coaches,
      Enrollments enrollments) {
    this.plans = plans;
    this.sessions = sessions;
    this.schedule = schedule;
    this.coaches = coaches;
    this.enrollments = enrollments;
  }

  public PlanView plan(UUID enrollmentId) {
    enrollments.enrollment(enrollmentId);
    CoachingPlan plan =
        plans
            .findByEnrollmentId(enrollmentId)
            .orElseThrow(() -> new NotFoundException("coaching plan of enrollment", enrollmentId));
    return PlanView.of(plan, TimeCommitment.of(plan, schedule.expectedTeamHoursPerWeek()), true);
  }

  /** Plans, the oldest first. */
  public Page<PlanView> plans(UUID phaseId, Pageable pageable) {
    Pageable page = Paging.inOrder(pageable, PLAN_ORDER);
    return (phaseId == null ? plans.findAll(page) : plans.findByPhaseId(phaseId, page))
        .map(p -> PlanView.of(p, TimeCommitment.of(p, schedule.expectedTeamHoursPerWeek()), false));
  }

  /** Every session of the service's plans (pilot and wider phase alike). */
  public List<SessionView> sessionsOfService(UUID serviceId) {
    List<CoachingPlan> found = plans.findByServiceIdOrderByWindowStartsOn(serviceId);
    if (found.isEmpty() && enrollments.ofService(serviceId).isEmpty()) {
      throw new NotFoundException("enrolled service", serviceId);
    }
    return found.stream().flatMap(p -> p.getSessions().stream()).map(SessionView::of).toList();
  }

  public SessionView session(UUID sessionId) {
    return SessionView.of(sessions.existing(sessionId));
  }

  /** A session's changes, the first first. */
  public Page<SessionView.ChangeView> history(UUID sessionId, Pageable pageable) {
    List<SessionView.ChangeView> all =
        sessions.existing(sessionId).getChanges().stream().map(SessionView.ChangeView::of).toList();
    int from = (int) Math.min(pageable.getOffset(), all.size());
    int to = (int) Math.min((long) from + pageable.getPageSize(), all.size());
    return new PageImpl<>(all.subList(from, to), pageable, all.size());
  }

  /** Every session of a coach, from..to (both included), for the calendar feed. */
  public List<SessionView> ofCoach(UUID coachId, LocalDate from, LocalDate to) {
    return ofCoach(coachId, from, to, Pageable.unpaged(SESSION_ORDER)).getContent();
  }

  /** One page of a coach's sessions from..to (both included), the earliest first. */
  public Page<SessionView> ofCoach(UUID coachId, LocalDate from, LocalDate to, Pageable pageable) {
    coaches.coach(coachId);
    // Parameters arrive inside the supported dates (service-support refuses others with 400).
    LocalDate first = from == null ? SupportedDates.EARLIEST : from;
    LocalDate last = to == null ? SupportedDates.LATEST : to;
    Pageable page =
        pageable.isPaged()
            ? Paging.inOrder(pageable, SESSION_ORDER)
            : Pageable.unpaged(SESSION_ORDER);
    return sessions
        .findByCoach(coachId, first.atStartOfDay(), last.plusDays(1).atStartOfDay(), page)
        .map(SessionView::of);
  }

  /** One page of the unstaffed scheduled sessions, the earliest first. */
  public Page<SessionView> unstaffed(Pageable pageable) {
    return sessions.findUnstaffed(Paging.inOrder(pageable, SESSION_ORDER)).map(SessionView::of);
  }

  public long unstaffedCount() {
    return sessions.countUnstaffed();
  }

  /** The zone sessions' wall-clock times are in. */
  public ZoneId zone() {
    return schedule.timeZone();
  }
}
