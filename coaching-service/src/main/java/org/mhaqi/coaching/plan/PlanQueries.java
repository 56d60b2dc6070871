package org.mhaqi.coaching.plan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mhaqi.coaching.coach.Coaches;
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
  private final PlanAccess access;

  PlanQueries(
      PlanRepository plans,
      SessionRepository sessions,
      ScheduleProperties schedule,
      Coaches coaches,
      PlanAccess access) {
    this.plans = plans;
    this.sessions = sessions;
    this.schedule = schedule;
    this.coaches = coaches;
    this.access = access;
  }

  /** The plan of an enrolment the caller may see (a trust member: their organisation's). */
  public PlanView plan(UUID enrollmentId) {
    access.visibleEnrollment(enrollmentId);
    CoachingPlan plan =
        plans
            .findByEnrollmentId(enrollmentId)
            .orElseThrow(() -> new NotFoundException("coaching plan of enrollment", enrollmentId));
    return PlanView.withSessions(plan, schedule.expectedTeamHoursPerWeek());
  }

  /** Plans, the oldest first; a trust member's only of their organisation's enrolments. */
  public Page<PlanView> plans(UUID phaseId, Pageable pageable) {
    Pageable page = Paging.inOrder(pageable, PLAN_ORDER);
    String organisation = access.organisationFilter();
    Page<CoachingPlan> found;
    if (organisation == null) {
      found = phaseId == null ? plans.findAll(page) : plans.findByPhaseId(phaseId, page);
    } else {
      found =
          phaseId == null
              ? plans.findOfOrganisation(organisation, page)
              : plans.findByPhaseIdOfOrganisation(phaseId, organisation, page);
    }
    // The sessions are counted in one grouped query, never loaded: a page of 20 plans holds
    // hundreds of them.
    Map<UUID, SessionTally> tallies = new HashMap<>();
    if (found.hasContent()) {
      sessions
          .tallies(found.getContent().stream().map(CoachingPlan::getId).toList())
          .forEach(t -> tallies.put(t.planId(), t));
    }
    return found.map(
        p ->
            PlanView.listed(
                p,
                tallies.getOrDefault(p.getId(), SessionTally.none(p.getId())),
                schedule.expectedTeamHoursPerWeek()));
  }

  /**
   * Every session of the service's plans (pilot and wider phase alike), when the caller may see the
   * service (a trust member: their organisation's).
   */
  public List<SessionView> sessionsOfService(UUID serviceId) {
    requireVisibleService(serviceId);
    return allOfService(serviceId);
  }

  /**
   * Every session of the service's plans, whoever asks: for a calendar subscription, whose token
   * was the check.
   */
  public List<SessionView> allOfService(UUID serviceId) {
    List<CoachingPlan> found = plans.findByServiceIdOrderByWindowStartsOn(serviceId);
    return found.stream().flatMap(p -> p.getSessions().stream()).map(SessionView::of).toList();
  }

  /** An enrolment whose plan the caller may see (a trust member: their organisation's), or 404. */
  public void requireVisibleEnrollment(UUID enrollmentId) {
    access.visibleEnrollment(enrollmentId);
  }

  /** A service enrolled in the programme and, for a trust member, theirs; otherwise 404. */
  public void requireVisibleService(UUID serviceId) {
    access.requireVisibleService(serviceId);
  }

  /** A session the caller may read: a coach theirs, a trust member their organisation's. */
  public SessionView session(UUID sessionId) {
    return SessionView.of(access.readable(sessionId));
  }

  /** A session's changes, the first first. */
  public Page<SessionView.ChangeView> history(UUID sessionId, Pageable pageable) {
    List<SessionView.ChangeView> all =
        access.readable(sessionId).getChanges().stream().map(SessionView.ChangeView::of).toList();
    int from = (int) Math.min(pageable.getOffset(), all.size());
    int to = (int) Math.min((long) from + pageable.getPageSize(), all.size());
    return new PageImpl<>(all.subList(from, to), pageable, all.size());
  }

  /**
   * Every session of a coach, whoever asks: for the calendar feeds, after the caller (or the
   * subscription's token) was checked.
   */
  public List<SessionView> allOfCoach(UUID coachId) {
    return sessions
        .findByCoach(
            coachId,
            SupportedDates.EARLIEST.atStartOfDay(),
            SupportedDates.LATEST.plusDays(1).atStartOfDay())
        .stream()
        .map(SessionView::of)
        .toList();
  }

  /**
   * One page of a coach's sessions from..to (both included), the earliest first; a coach reaches
   * only their own.
   */
  public Page<SessionView> ofCoach(UUID coachId, LocalDate from, LocalDate to, Pageable pageable) {
    coaches.mine(coachId);
    // Parameters arrive inside the supported dates (service-support refuses others with 400).
    LocalDate first = from == null ? SupportedDates.EARLIEST : from;
    LocalDate last = to == null ? SupportedDates.LATEST : to;
    Pageable page = Paging.inOrder(pageable, SESSION_ORDER);
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
