package org.mhaqi.coaching.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mhaqi.coaching.coach.Coaches;
import org.mhaqi.coaching.enrollment.Enrollment;
import org.mhaqi.coaching.enrollment.Enrollments;
import org.mhaqi.coaching.scheduling.Booking;
import org.mhaqi.coaching.scheduling.Conflict;
import org.mhaqi.coaching.scheduling.PlannedSession;
import org.mhaqi.coaching.scheduling.Planner;
import org.mhaqi.coaching.scheduling.Roster;
import org.mhaqi.coaching.scheduling.ScheduleProperties;
import org.mhaqi.coaching.workingdays.WorkingDays;
import org.mhaqi.events.coaching.CancellationCause;
import org.mhaqi.events.enrollment.TeamRole;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.Paging;
import org.mhaqi.support.web.RuleViolationException;
import org.mhaqi.support.web.SupportedDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coaching plan use cases. Everything that books a coach (planning, rescheduling, staffing) holds
 * the roster lock, so concurrent decisions never give the same free time twice.
 */
@Service
@Transactional
public class Plans {

  private static final Logger log = LoggerFactory.getLogger(Plans.class);

  /** Lists of plans: stable, the id breaking ties. */
  private static final Sort PLAN_ORDER = Sort.by("createdAt", "id");

  /** Lists of sessions: by wall-clock start, the id breaking ties. */
  private static final Sort SESSION_ORDER = Sort.by("startsAt", "id");

  private final PlanRepository plans;
  private final SessionRepository sessions;
  private final RosterLoader rosters;
  private final Planner planner;
  private final WorkingDays workingDays;
  private final ScheduleProperties schedule;
  private final Coaches coaches;
  private final Enrollments enrollments;
  private final CoachingMetrics metrics;
  private final Clock clock;

  Plans(
      PlanRepository plans,
      SessionRepository sessions,
      RosterLoader rosters,
      Planner planner,
      WorkingDays workingDays,
      ScheduleProperties schedule,
      Coaches coaches,
      Enrollments enrollments,
      CoachingMetrics metrics,
      Clock clock) {
    this.plans = plans;
    this.sessions = sessions;
    this.rosters = rosters;
    this.planner = planner;
    this.workingDays = workingDays;
    this.schedule = schedule;
    this.coaches = coaches;
    this.enrollments = enrollments;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Generates and stores the enrolment's plan, unless it has one. A withdrawal already recorded for
   * the enrolment is applied at once, so none of its sessions is left after the withdrawal.
   *
   * @return the plan, new or existing
   */
  public CoachingPlan planFor(Enrollment enrollment) {
    Optional<CoachingPlan> existing = plans.findByEnrollmentId(enrollment.getId());
    if (existing.isPresent()) {
      log.info("Enrollment {} already has plan {}", enrollment.getId(), existing.get().getId());
      return existing.get();
    }
    CoachingPlan plan =
        metrics
            .planGeneration()
            .record(
                () -> {
                  rosters.lock();
                  LocalDate first =
                      enrollment.firstCoachingDay(schedule.timeZone(), workingDays::isWorkingDay);
                  List<PlannedSession> planned = sessionsFor(enrollment, first);
                  metrics.planned(planned);
                  return plans.save(
                      CoachingPlan.create(
                          enrollment, schedule.timeZone(), planned, first, clock.instant()));
                });
    log.info(
        "Planned {} sessions for enrollment {} ({} unstaffed)",
        plan.getSessions().size(),
        enrollment.getId(),
        plan.getSessions().stream().filter(s -> !s.isStaffed()).count());
    TimeCommitment commitment = TimeCommitment.of(plan, schedule.expectedTeamHoursPerWeek());
    if (commitment.exceedsExpectation()) {
      log.warn(
          "The plan of enrollment {} books {} hours a week of team coaching, above the {} hours a"
              + " week the programme asks of a project team in all: check the {} cadence",
          enrollment.getId(),
          commitment.bookedHoursPerWeek(),
          commitment.expectedHoursPerWeek(),
          enrollment.getPhaseKind());
    }
    if (enrollment.isWithdrawn()) {
      withdraw(enrollment.getId(), enrollment.getWithdrawnAt(), enrollment.getWithdrawalReason());
    }
    if (enrollment.isCompleted()) {
      completeEnrollment(enrollment.getId(), enrollment.getCompletedAt());
    }
    return plan;
  }

  /** The sessions of a new plan, from the enrolment's first day of coaching to the window's end. */
  private List<PlannedSession> sessionsFor(Enrollment enrollment, LocalDate first) {
    LocalDate last = enrollment.getCoachingEndsOn();
    if (first.isAfter(enrollment.getCoachingStartsOn())) {
      log.info(
          "Enrollment {} joined the window part-way ({}): sessions from {}",
          enrollment.getId(),
          enrollment.getEnrolledAt(),
          first);
    }
    if (first.isAfter(last)) {
      return List.of();
    }
    if (!workingDays.covers(first) || !workingDays.covers(last)) {
      log.warn(
          "The bank holidays file does not cover {} to {}: only weekends are"
              + " excluded outside the years it lists",
          first,
          last);
    }
    Roster roster = rosters.load(first, last, null);
    return planner.plan(first, last, schedule.cadenceFor(enrollment.getPhaseKind()), roster);
  }

  /**
   * Cancels the enrolment's sessions after the withdrawal; without a plan yet, nothing to do (the
   * withdrawal is remembered with the enrolment and applied when the plan is made).
   */
  public List<CoachingSession> withdraw(UUID enrollmentId, Instant withdrawnAt, String reason) {
    return plans
        .findByEnrollmentId(enrollmentId)
        .map(
            plan -> {
              List<CoachingSession> cancelled = plan.withdraw(withdrawnAt, reason, clock.instant());
              plans.save(plan);
              cancelled.forEach(
                  s -> metrics.cancelled(s.getLevel(), CancellationCause.ENROLLMENT_WITHDRAWN, 1));
              log.info(
                  "Enrollment {} withdrew: {} future sessions cancelled",
                  enrollmentId,
                  cancelled.size());
              return cancelled;
            })
        .orElse(List.of());
  }

  /**
   * Cancels the enrollment's sessions after its completion, as a withdrawal does; without a plan
   * yet, nothing to do (the completion is remembered with the enrollment).
   */
  public List<CoachingSession> completeEnrollment(UUID enrollmentId, Instant completedAt) {
    return plans
        .findByEnrollmentId(enrollmentId)
        .map(
            plan -> {
              List<CoachingSession> cancelled =
                  plan.completeEnrollment(completedAt, clock.instant());
              plans.save(plan);
              cancelled.forEach(
                  s -> metrics.cancelled(s.getLevel(), CancellationCause.ENROLLMENT_COMPLETED, 1));
              log.info(
                  "Enrollment {} completed: {} future sessions cancelled",
                  enrollmentId,
                  cancelled.size());
              return cancelled;
            })
        .orElse(List.of());
  }

  /**
   * Moves a session to another wall-clock time and/or coach. Refused when the time is on a weekend
   * or bank holiday, outside the window, clashes with the coach's or the team's other sessions, or
   * takes the coach over capacity or onto a day off.
   *
   * @param coachId the coach after the move; null keeps the current one (an unstaffed session gets
   *     the least-loaded free coach, if any)
   */
  public SessionView reschedule(
      UUID sessionId, LocalDateTime startsAt, UUID coachId, String reason, String actor) {
    CoachingSession session = load(sessionId);
    CoachingPlan plan = session.getPlan();
    CoachingPlan.requireScheduled(session, "rescheduled");
    workingDays
        .nonWorkingReason(startsAt.toLocalDate())
        .ifPresent(
            day -> {
              throw RuleViolationException.unprocessable(
                  day.kind() == WorkingDays.NonWorkingDay.Kind.WEEKEND ? "weekend" : "bank-holiday",
                  "startsAt",
                  "Sessions are held on working days only: " + day.reason());
            });
    plan.requireInWindow(startsAt, session.getDurationMinutes());
    if (coachId != null) {
      coaches.coach(coachId, "coachId");
    }
    rosters.lock();
    Roster roster = rosters.load(startsAt.toLocalDate(), startsAt.toLocalDate(), sessionId);
    Booking booking =
        new Booking(startsAt, session.getDurationMinutes(), session.booking().fullDay());
    UUID target = coachId != null ? coachId : session.getCoachId();
    if (target == null) {
      target = roster.leastLoadedFree(session.getLevel(), booking).orElse(null);
    } else {
      UUID coach = target;
      roster
          .conflict(coach, session.getLevel(), booking)
          .ifPresent(conflict -> refuse(conflict, coach));
    }
    if (startsAt.equals(session.getStartsAt()) && Objects.equals(target, session.getCoachId())) {
      throw RuleViolationException.unprocessable(
          "nothing-to-change",
          "startsAt",
          "The session is already at " + startsAt + " with the same coach");
    }
    for (CoachingSession other : plan.getSessions()) {
      if (!other.getId().equals(sessionId)
          && other.getStatus() != SessionStatus.CANCELLED
          && other.getLevel() == session.getLevel()
          && other.booking().clashesWith(booking)) {
        throw RuleViolationException.conflict(
            "team-double-booked",
            "startsAt",
            "The team already has session " + other.getId() + " at " + other.getStartsAt());
      }
    }
    plan.reschedule(session, startsAt, target, reason, actor, clock.instant());
    plans.save(plan);
    metrics.rescheduled(session.getLevel());
    return SessionView.of(session);
  }

  private static void refuse(Conflict conflict, UUID coachId) {
    switch (conflict.kind()) {
      case LEVEL_NOT_DELIVERED ->
          throw RuleViolationException.unprocessable(
              "coach-level-mismatch", "coachId", conflict.message());
      case UNKNOWN_COACH -> throw new NotFoundException("coach", coachId, "coachId");
      case DOUBLE_BOOKED ->
          throw RuleViolationException.conflict(
              "coach-double-booked", "startsAt", conflict.message());
      case OVER_WEEKLY_CAPACITY ->
          throw RuleViolationException.conflict(
              "coach-over-capacity", "startsAt", conflict.message());
      case NOT_A_WORKING_DAY, AWAY ->
          throw RuleViolationException.conflict(
              "coach-unavailable", "startsAt", conflict.message());
    }
  }

  public SessionView cancel(UUID sessionId, String reason, String actor) {
    CoachingSession session = load(sessionId);
    CoachingPlan plan = session.getPlan();
    plan.cancel(session, reason, actor, clock.instant());
    plans.save(plan);
    metrics.cancelled(session.getLevel(), CancellationCause.REQUESTED, 1);
    return SessionView.of(session);
  }

  /**
   * Records a session as delivered. Attendance is checked against the project team as
   * enrollment-service last announced it: no role above its size, recorded members from the team
   * and no more of a role than its count, and the lived-experience flag agreeing with the count of
   * lived-experience partners.
   */
  public SessionView complete(
      UUID sessionId,
      int minutesDelivered,
      Map<TeamRole, Integer> attendance,
      List<UUID> attendeeMemberIds,
      boolean livedExperiencePartnerTookPart,
      String actor) {
    CoachingSession session = load(sessionId);
    CoachingPlan plan = session.getPlan();
    if (session.getStatus() == SessionStatus.SCHEDULED
        && session.zonedStart().toInstant().isAfter(clock.instant())) {
      throw RuleViolationException.conflict(
          "session-not-started",
          "status",
          "Session "
              + sessionId
              + " starts at "
              + session.getStartsAt()
              + " and cannot be completed yet");
    }
    Enrollment enrollment = enrollments.enrollment(plan.getEnrollmentId());
    Map<TeamRole, Integer> teamSize = enrollment.teamSizeByRole();
    for (var entry : attendance.entrySet()) {
      int size = teamSize.getOrDefault(entry.getKey(), 0);
      if (entry.getValue() > size) {
        throw RuleViolationException.unprocessable(
            "attendance-above-team-size",
            "attendance." + entry.getKey(),
            entry.getValue()
                + " "
                + entry.getKey()
                + " attendees, but the project team has "
                + size);
      }
    }
    Set<Attendee> attendees = new HashSet<>();
    for (int i = 0; i < attendeeMemberIds.size(); i++) {
      UUID memberId = attendeeMemberIds.get(i);
      String field = "attendeeMemberIds[" + i + "]";
      TeamRole role =
          enrollment
              .roleOf(memberId)
              .orElseThrow(
                  () ->
                      RuleViolationException.unprocessable(
                          "unknown-team-member",
                          field,
                          memberId + " is not a member of the enrollment's project team"));
      if (!attendees.add(new Attendee(memberId, role))) {
        throw RuleViolationException.unprocessable(
            "duplicate-attendee", field, memberId + " is listed twice");
      }
    }
    for (TeamRole role : TeamRole.values()) {
      long listed = attendees.stream().filter(a -> a.role() == role).count();
      if (listed > attendance.getOrDefault(role, 0)) {
        throw RuleViolationException.unprocessable(
            "attendance-inconsistent",
            "attendance." + role,
            listed
                + " "
                + role
                + " members are listed but the count is "
                + attendance.getOrDefault(role, 0));
      }
    }
    boolean partnerCounted = attendance.getOrDefault(TeamRole.LIVED_EXPERIENCE_PARTNER, 0) > 0;
    if (partnerCounted != livedExperiencePartnerTookPart) {
      throw RuleViolationException.unprocessable(
          "lived-experience-inconsistent",
          "livedExperiencePartnerTookPart",
          "livedExperiencePartnerTookPart must be true exactly when attendance counts a"
              + " LIVED_EXPERIENCE_PARTNER");
    }
    plan.complete(
        session,
        minutesDelivered,
        attendance,
        attendees,
        livedExperiencePartnerTookPart,
        actor,
        clock.instant());
    plans.save(plan);
    metrics.completed(session.getLevel(), session.getKind(), minutesDelivered);
    return SessionView.of(session);
  }

  /**
   * Gives unstaffed future sessions a coach where one is now free at the session's time (after
   * coaches were registered or came back), keeping each team's coach where it can.
   *
   * @return the sessions staffed now
   */
  public List<SessionView> staffUnstaffed(String actor) {
    rosters.lock();
    Instant now = clock.instant();
    List<CoachingSession> open =
        sessions.findUnstaffed().stream()
            .filter(s -> s.zonedStart().toInstant().isAfter(now))
            .toList();
    if (open.isEmpty()) {
      return List.of();
    }
    Roster roster =
        rosters.load(
            open.get(0).getStartsAt().toLocalDate(),
            open.get(open.size() - 1).getStartsAt().toLocalDate(),
            null);
    List<SessionView> staffed = new java.util.ArrayList<>();
    for (CoachingSession session : open) {
      Booking booking = session.booking();
      Optional<UUID> teamCoach =
          session.getPlan().getSessions().stream()
              .filter(s -> s.getLevel() == session.getLevel() && s.isStaffed())
              .map(CoachingSession::getCoachId)
              .filter(c -> roster.isFree(c, session.getLevel(), booking))
              .findFirst();
      Optional<UUID> coach =
          teamCoach.or(() -> roster.leastLoadedFree(session.getLevel(), booking));
      if (coach.isPresent()) {
        roster.book(coach.get(), booking);
        CoachingPlan plan = session.getPlan();
        plan.reschedule(
            session, session.getStartsAt(), coach.get(), "A coach became free", actor, now);
        plans.save(plan);
        metrics.rescheduled(session.getLevel());
        staffed.add(SessionView.of(session));
      }
    }
    return staffed;
  }

  @Transactional(readOnly = true)
  public PlanView plan(UUID enrollmentId) {
    enrollments.enrollment(enrollmentId);
    CoachingPlan plan =
        plans
            .findByEnrollmentId(enrollmentId)
            .orElseThrow(() -> new NotFoundException("coaching plan of enrollment", enrollmentId));
    return PlanView.of(plan, TimeCommitment.of(plan, schedule.expectedTeamHoursPerWeek()), true);
  }

  /** Plans, the oldest first. */
  @Transactional(readOnly = true)
  public Page<PlanView> plans(UUID phaseId, Pageable pageable) {
    Pageable page = Paging.inOrder(pageable, PLAN_ORDER);
    return (phaseId == null ? plans.findAll(page) : plans.findByPhaseId(phaseId, page))
        .map(p -> PlanView.of(p, TimeCommitment.of(p, schedule.expectedTeamHoursPerWeek()), false));
  }

  /** Every session of the service's plans (pilot and wider phase alike). */
  @Transactional(readOnly = true)
  public List<SessionView> sessionsOfService(UUID serviceId) {
    List<CoachingPlan> found = plans.findByServiceIdOrderByWindowStartsOn(serviceId);
    if (found.isEmpty() && enrollments.ofService(serviceId).isEmpty()) {
      throw new NotFoundException("enrolled service", serviceId);
    }
    return found.stream().flatMap(p -> p.getSessions().stream()).map(SessionView::of).toList();
  }

  private CoachingSession load(UUID sessionId) {
    return sessions
        .findById(sessionId)
        .orElseThrow(() -> new NotFoundException("session", sessionId));
  }

  @Transactional(readOnly = true)
  public SessionView session(UUID sessionId) {
    return SessionView.of(load(sessionId));
  }

  /** A session's changes, the first first. */
  @Transactional(readOnly = true)
  public Page<SessionView.ChangeView> history(UUID sessionId, Pageable pageable) {
    List<SessionView.ChangeView> all =
        load(sessionId).getChanges().stream().map(SessionView.ChangeView::of).toList();
    int from = (int) Math.min(pageable.getOffset(), all.size());
    int to = (int) Math.min((long) from + pageable.getPageSize(), all.size());
    return new PageImpl<>(all.subList(from, to), pageable, all.size());
  }

  /** Every session of a coach, from..to (both included), for the calendar feed. */
  @Transactional(readOnly = true)
  public List<SessionView> ofCoach(UUID coachId, LocalDate from, LocalDate to) {
    return ofCoach(coachId, from, to, Pageable.unpaged(SESSION_ORDER)).getContent();
  }

  /** One page of a coach's sessions from..to (both included), the earliest first. */
  @Transactional(readOnly = true)
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
  @Transactional(readOnly = true)
  public Page<SessionView> unstaffed(Pageable pageable) {
    return sessions.findUnstaffed(Paging.inOrder(pageable, SESSION_ORDER)).map(SessionView::of);
  }

  @Transactional(readOnly = true)
  public long unstaffedCount() {
    return sessions.countUnstaffed();
  }

  public ZoneId zone() {
    return schedule.timeZone();
  }
}
