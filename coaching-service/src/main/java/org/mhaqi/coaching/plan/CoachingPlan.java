package org.mhaqi.coaching.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.mhaqi.coaching.enrollment.Enrollment;
import org.mhaqi.coaching.scheduling.Booking;
import org.mhaqi.coaching.scheduling.PlannedSession;
import org.mhaqi.events.coaching.CancellationCause;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.CoachingPlanCreated;
import org.mhaqi.events.coaching.RescheduleReason;
import org.mhaqi.events.coaching.SessionCancellationReason;
import org.mhaqi.events.coaching.SessionCancelled;
import org.mhaqi.events.coaching.SessionCompleted;
import org.mhaqi.events.coaching.SessionRescheduled;
import org.mhaqi.events.coaching.SessionScheduled;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * An enrolled service's coaching plan over its phase's coaching window. It guards its sessions'
 * life cycle (only scheduled sessions move, are cancelled or completed; both ends are final) and
 * registers the event each change causes; the outbox stores them when the plan is saved.
 */
@Entity
@Table(name = "coaching_plan")
public class CoachingPlan extends AbstractAggregateRoot<CoachingPlan> {

  @Id private UUID id;

  @Column(name = "enrollment_id")
  private UUID enrollmentId;

  private UUID serviceId;
  private UUID phaseId;

  @Enumerated(EnumType.STRING)
  private PhaseKind phaseKind;

  private LocalDate windowStartsOn;
  private LocalDate windowEndsOn;
  private LocalDate coachedFrom;
  private String timeZone;
  private Instant createdAt;
  private Instant withdrawnAt;
  private Instant completedAt;

  /**
   * Null until first stored. With an assigned id, a null version is how Spring Data tells a new row
   * (persist: one insert) from a stored one (merge: a select by id first, for every session too).
   */
  @Version private Long version;

  @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
  @OrderBy("startsAt, id")
  private List<CoachingSession> sessions = new ArrayList<>();

  protected CoachingPlan() {}

  /** Creates the plan of a service coached from the window's first day. */
  public static CoachingPlan create(
      Enrollment enrollment, ZoneId zone, List<PlannedSession> planned, Instant now) {
    return create(enrollment, zone, planned, enrollment.getCoachingStartsOn(), now);
  }

  /**
   * Creates the plan from the planner's sessions and announces it and each session.
   *
   * @param coachedFrom the first day of coaching: the window's first, or later for a service
   *     enrolled part-way through it
   */
  public static CoachingPlan create(
      Enrollment enrollment,
      ZoneId zone,
      List<PlannedSession> planned,
      LocalDate coachedFrom,
      Instant now) {
    CoachingPlan plan = new CoachingPlan();
    plan.coachedFrom = coachedFrom;
    plan.id = UUID.randomUUID();
    plan.enrollmentId = enrollment.getId();
    plan.serviceId = enrollment.getServiceId();
    plan.phaseId = enrollment.getPhaseId();
    plan.phaseKind = enrollment.getPhaseKind();
    plan.windowStartsOn = enrollment.getCoachingStartsOn();
    plan.windowEndsOn = enrollment.getCoachingEndsOn();
    plan.timeZone = zone.getId();
    plan.createdAt = now;
    planned.stream()
        .sorted(Comparator.comparing(PlannedSession::startsAt))
        .forEach(p -> plan.sessions.add(new CoachingSession(plan, p, zone, now)));
    plan.registerEvent(
        new CoachingPlanCreated(
            plan.id,
            plan.enrollmentId,
            plan.serviceId,
            plan.phaseId,
            plan.phaseKind,
            plan.windowStartsOn,
            plan.windowEndsOn,
            plan.sessions.size(),
            (int) plan.sessions.stream().filter(s -> !s.isStaffed()).count(),
            now));
    for (CoachingSession s : plan.sessions) {
      plan.registerEvent(
          new SessionScheduled(
              s.getId(),
              plan.id,
              plan.enrollmentId,
              plan.serviceId,
              plan.phaseId,
              s.getLevel(),
              s.getKind(),
              s.getStartsAt(),
              s.getTimeZone(),
              s.getDurationMinutes(),
              s.getCoachId(),
              now));
    }
    return plan;
  }

  /**
   * The service withdrew: every scheduled session that starts after the withdrawal is cancelled
   * with the reason; sessions before it stay as they were. Applying the same withdrawal again, or a
   * withdrawal after the plan already ended or after the window, changes nothing.
   *
   * @return the sessions cancelled now
   */
  public List<CoachingSession> withdraw(Instant withdrawnAt, String reason, Instant now) {
    if (hasEnded() || isAfterWindow(withdrawnAt)) {
      return List.of();
    }
    this.withdrawnAt = withdrawnAt;
    String why =
        "The service withdrew from the programme"
            + (reason == null || reason.isBlank() ? "" : ": " + reason);
    return cancelFrom(withdrawnAt, CancellationCause.ENROLLMENT_WITHDRAWN, why, now);
  }

  /**
   * The service completed its phase: like a withdrawal, every scheduled session after it is
   * cancelled, with its own cause. Again, or after the plan ended or after the window, nothing.
   *
   * @return the sessions cancelled now
   */
  public List<CoachingSession> completeEnrollment(Instant completedAt, Instant now) {
    if (hasEnded() || isAfterWindow(completedAt)) {
      return List.of();
    }
    this.completedAt = completedAt;
    return cancelFrom(
        completedAt,
        CancellationCause.ENROLLMENT_COMPLETED,
        "The service completed the phase before this session",
        now);
  }

  private List<CoachingSession> cancelFrom(
      Instant from, CancellationCause cause, String why, Instant now) {
    List<CoachingSession> cancelled = new ArrayList<>();
    for (CoachingSession s : sessions) {
      if (s.getStatus() == SessionStatus.SCHEDULED && s.zonedStart().toInstant().isAfter(from)) {
        s.cancel(cause, why, "enrollment-service", now);
        registerCancelled(s, null, now);
        cancelled.add(s);
      }
    }
    return cancelled;
  }

  /** Whether the instant falls on a day after the window's last, in the plan's zone. */
  boolean isAfterWindow(Instant at) {
    return !at.isBefore(windowEndsOn.plusDays(1).atStartOfDay(zone()).toInstant());
  }

  /** Whether a withdrawal or a completion already ended the plan. */
  public boolean hasEnded() {
    return withdrawnAt != null || completedAt != null;
  }

  /**
   * Moves a session to another time and/or coach; the caller has checked the coaches' calendars and
   * the working days. Refused when it changes nothing or when the team already has another session
   * of the same level then: a team cannot be in two sessions at once.
   */
  public void reschedule(
      CoachingSession session,
      LocalDateTime startsAt,
      UUID coachId,
      RescheduleReason reasonCode,
      String reason,
      String actor,
      Instant now) {
    requireScheduled(session, "rescheduled");
    requireInWindow(startsAt, session.getDurationMinutes());
    if (startsAt.equals(session.getStartsAt()) && Objects.equals(coachId, session.getCoachId())) {
      throw RuleViolationException.unprocessable(
          "nothing-to-change",
          "startsAt",
          "The session is already at " + startsAt + " with the same coach");
    }
    Booking booking =
        new Booking(startsAt, session.getDurationMinutes(), session.booking().fullDay());
    teamSessionClashingWith(session, booking)
        .ifPresent(
            other -> {
              throw RuleViolationException.conflict(
                  "team-double-booked",
                  "startsAt",
                  "The team already has session " + other.getId() + " at " + other.getStartsAt());
            });
    move(session, startsAt, coachId, reasonCode, reason, actor, now);
  }

  /**
   * Gives an unstaffed session a coach at its time; the caller has checked the coach's calendar.
   * The session keeps its time, so the window and the team's calendar need no new check.
   */
  public void staff(
      CoachingSession session, UUID coachId, String reason, String actor, Instant now) {
    requireScheduled(session, "rescheduled");
    move(
        session,
        session.getStartsAt(),
        coachId,
        RescheduleReason.COACH_REASSIGNED,
        reason,
        actor,
        now);
  }

  /** Another live session of the same team (same level) that overlaps the booking, if any. */
  Optional<CoachingSession> teamSessionClashingWith(CoachingSession session, Booking booking) {
    return sessions.stream()
        .filter(other -> !other.getId().equals(session.getId()))
        .filter(other -> other.getStatus() != SessionStatus.CANCELLED)
        .filter(other -> other.getLevel() == session.getLevel())
        .filter(other -> other.booking().clashesWith(booking))
        .findFirst();
  }

  /** The coaches of the team's staffed sessions at the level, in session order. */
  public List<UUID> teamCoaches(CoachingLevel level) {
    return sessions.stream()
        .filter(s -> s.getLevel() == level && s.isStaffed())
        .map(CoachingSession::getCoachId)
        .toList();
  }

  private void move(
      CoachingSession session,
      LocalDateTime startsAt,
      UUID coachId,
      RescheduleReason reasonCode,
      String reason,
      String actor,
      Instant now) {
    LocalDateTime previousStart = session.getStartsAt();
    UUID previousCoach = session.getCoachId();
    session.moveTo(startsAt, coachId, reason, actor, now);
    registerEvent(
        new SessionRescheduled(
            session.getId(),
            id,
            enrollmentId,
            serviceId,
            phaseId,
            session.getLevel(),
            session.getKind(),
            previousStart,
            session.getStartsAt(),
            session.getTimeZone(),
            session.getDurationMinutes(),
            previousCoach,
            session.getCoachId(),
            session.getRevision(),
            reasonCode,
            now));
  }

  public void cancel(
      CoachingSession session,
      SessionCancellationReason reasonCode,
      String reason,
      String actor,
      Instant now) {
    requireScheduled(session, "cancelled");
    session.cancel(CancellationCause.REQUESTED, reason, actor, now);
    registerCancelled(session, reasonCode, now);
  }

  /**
   * Records the session as delivered, with its attendance (checked against the team when it was
   * reported). Only a session that has started can be delivered.
   */
  public void complete(
      CoachingSession session,
      int minutesDelivered,
      Attendance attendance,
      String actor,
      Instant now) {
    requireScheduled(session, "completed");
    requireStarted(session, now);
    if (minutesDelivered < 0 || minutesDelivered > session.getDurationMinutes()) {
      throw RuleViolationException.unprocessable(
          "minutes-out-of-range",
          "minutesDelivered",
          "Minutes delivered must be between 0 and the session's "
              + session.getDurationMinutes()
              + " minutes");
    }
    session.complete(minutesDelivered, attendance, actor, now);
    List<SessionCompleted.RoleAttendance> byRole =
        session.getAttendance().entrySet().stream()
            .map(
                e ->
                    new SessionCompleted.RoleAttendance(
                        e.getKey(),
                        e.getValue(),
                        attendance.attendees().stream()
                            .filter(a -> a.role() == e.getKey())
                            .map(Attendee::memberId)
                            .sorted()
                            .toList()))
            .toList();
    registerEvent(
        new SessionCompleted(
            session.getId(),
            id,
            enrollmentId,
            serviceId,
            phaseId,
            session.getLevel(),
            session.getKind(),
            session.getStartsAt(),
            session.getTimeZone(),
            session.getCoachId(),
            session.getDurationMinutes(),
            minutesDelivered,
            byRole,
            byRole.stream().mapToInt(SessionCompleted.RoleAttendance::count).sum(),
            attendance.livedExperiencePartnerTookPart(),
            now));
  }

  /** A scheduled session can be recorded as delivered once it has started, not before. */
  void requireStarted(CoachingSession session, Instant now) {
    if (session.getStatus() == SessionStatus.SCHEDULED
        && session.zonedStart().toInstant().isAfter(now)) {
      throw RuleViolationException.conflict(
          "session-not-started",
          "status",
          "Session "
              + session.getId()
              + " starts at "
              + session.getStartsAt()
              + " and cannot be completed yet");
    }
  }

  public CoachingSession session(UUID sessionId) {
    return sessions.stream()
        .filter(s -> s.getId().equals(sessionId))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("session", sessionId));
  }

  /** The events registered since the last save, which publishes them. */
  List<Object> registeredEvents() {
    return List.copyOf(domainEvents());
  }

  /**
   * @param reasonCode why it was cancelled on request; null when the cause is the enrolment's end
   */
  private void registerCancelled(
      CoachingSession s, SessionCancellationReason reasonCode, Instant now) {
    registerEvent(
        new SessionCancelled(
            s.getId(),
            id,
            enrollmentId,
            serviceId,
            phaseId,
            s.getLevel(),
            s.getKind(),
            s.getStartsAt(),
            s.getTimeZone(),
            s.getDurationMinutes(),
            s.getCoachId(),
            s.getCancellationCause(),
            reasonCode,
            now));
  }

  static void requireScheduled(CoachingSession session, String what) {
    if (session.getStatus() != SessionStatus.SCHEDULED) {
      throw RuleViolationException.conflict(
          "session-" + session.getStatus().name().toLowerCase(java.util.Locale.ROOT),
          "status",
          "Session " + session.getId() + " is " + session.getStatus() + " and cannot be " + what);
    }
  }

  /** A session must start and end on one day inside the coaching window. */
  void requireInWindow(LocalDateTime startsAt, int minutes) {
    LocalDate day = startsAt.toLocalDate();
    if (day.isBefore(windowStartsOn) || day.isAfter(windowEndsOn)) {
      throw RuleViolationException.unprocessable(
          "outside-coaching-window",
          "startsAt",
          startsAt + " is outside the coaching window " + windowStartsOn + " to " + windowEndsOn);
    }
    if (!startsAt.plusMinutes(minutes).toLocalDate().equals(day)) {
      throw RuleViolationException.unprocessable(
          "session-crosses-midnight", "startsAt", "A session starts and ends on the same day");
    }
  }

  public boolean isWithdrawn() {
    return withdrawnAt != null;
  }

  public UUID getId() {
    return id;
  }

  public UUID getEnrollmentId() {
    return enrollmentId;
  }

  public UUID getServiceId() {
    return serviceId;
  }

  public UUID getPhaseId() {
    return phaseId;
  }

  public PhaseKind getPhaseKind() {
    return phaseKind;
  }

  public LocalDate getWindowStartsOn() {
    return windowStartsOn;
  }

  public LocalDate getWindowEndsOn() {
    return windowEndsOn;
  }

  /** The first day of coaching; plans made before it was kept were coached from the window's. */
  public LocalDate getCoachedFrom() {
    return coachedFrom == null ? windowStartsOn : coachedFrom;
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getWithdrawnAt() {
    return withdrawnAt;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  public List<CoachingSession> getSessions() {
    return List.copyOf(sessions);
  }
}
