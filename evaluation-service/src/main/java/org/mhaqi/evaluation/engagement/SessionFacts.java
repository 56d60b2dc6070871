package org.mhaqi.evaluation.engagement;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.mhaqi.events.coaching.CancellationCause;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionCancelled;
import org.mhaqi.events.coaching.SessionCompleted;
import org.mhaqi.events.coaching.SessionEvent;
import org.mhaqi.events.coaching.SessionKind;
import org.mhaqi.events.coaching.SessionRescheduled;
import org.mhaqi.events.coaching.SessionScheduled;
import org.mhaqi.events.enrollment.TeamRole;

/**
 * What evaluation knows of one coaching session, from any of its events. {@link #merge} is
 * commutative, associative and idempotent, so the facts come out the same whatever order the events
 * arrive in and however often: a completion seen before the session was scheduled, a cancellation
 * before its scheduling, a redelivered event.
 *
 * <p>The identity fields (plan, enrolment, service, phase, level, kind) are the same in every event
 * of a session; merge keeps those of the fact with the later timing (by content when the timings
 * are equal).
 *
 * @param timing the latest start and length known
 * @param scheduled whether its SessionScheduled has been seen
 * @param cancellation the earliest cancellation seen; null when none
 * @param completion the latest completion seen; null when none
 */
public record SessionFacts(
    UUID sessionId,
    UUID planId,
    UUID enrollmentId,
    UUID serviceId,
    UUID phaseId,
    CoachingLevel level,
    SessionKind kind,
    Timing timing,
    boolean scheduled,
    Cancellation cancellation,
    Completion completion) {

  /** Where a session stands: a completion wins over a cancellation, either over the plan. */
  public enum Status {
    SCHEDULED,
    CANCELLED,
    DELIVERED
  }

  /**
   * When the session starts and how long it is planned to last, as of one event.
   *
   * @param revision 0 when scheduled, the move's number when rescheduled, {@link #FINAL} from a
   *     cancellation or completion (they come after every move)
   */
  public record Timing(LocalDateTime startsAt, int plannedMinutes, int revision) {

    public static final int FINAL = Integer.MAX_VALUE;

    static final Comparator<Timing> LATEST_LAST =
        Comparator.comparingInt(Timing::revision)
            .thenComparing(Timing::startsAt)
            .thenComparingInt(Timing::plannedMinutes);

    public Timing {
      require(startsAt, "startsAt");
      if (plannedMinutes <= 0) {
        throw new IllegalArgumentException("plannedMinutes must be positive: " + plannedMinutes);
      }
      if (revision < 0) {
        throw new IllegalArgumentException("revision must not be negative: " + revision);
      }
    }
  }

  /** A cancellation; of two, the earlier stands. */
  public record Cancellation(Instant cancelledAt, CancellationCause cause) {

    static final Comparator<Cancellation> EARLIEST_FIRST =
        Comparator.comparing(Cancellation::cancelledAt)
            .thenComparing(Cancellation::cause, Comparator.nullsLast(Comparator.naturalOrder()));

    public Cancellation {
      require(cancelledAt, "cancelledAt");
    }
  }

  /**
   * A completion with its attendance; of two, the later stands (a correction).
   *
   * @param attendance people attending per role; roles nobody attended in are left out
   */
  public record Completion(
      Instant completedAt,
      int deliveredMinutes,
      int attendees,
      boolean livedExperiencePartnerTookPart,
      Map<TeamRole, Integer> attendance) {

    static final Comparator<Completion> LATEST_LAST =
        Comparator.comparing(Completion::completedAt)
            .thenComparingInt(Completion::deliveredMinutes)
            .thenComparingInt(Completion::attendees)
            .thenComparing(Completion::livedExperiencePartnerTookPart)
            .thenComparing(c -> c.attendance().toString());

    public Completion {
      require(completedAt, "completedAt");
      if (deliveredMinutes < 0) {
        throw new IllegalArgumentException(
            "deliveredMinutes must not be negative: " + deliveredMinutes);
      }
      if (attendees < 0) {
        throw new IllegalArgumentException("attendees must not be negative: " + attendees);
      }
      EnumMap<TeamRole, Integer> copy = new EnumMap<>(TeamRole.class);
      attendance.forEach(
          (role, count) -> {
            require(role, "attendance role");
            if (count < 0) {
              throw new IllegalArgumentException(
                  "attendance of " + role + " must not be negative: " + count);
            }
            if (count > 0) {
              copy.put(role, count);
            }
          });
      attendance = Map.copyOf(copy);
    }
  }

  public SessionFacts {
    require(sessionId, "sessionId");
    require(planId, "planId");
    require(enrollmentId, "enrollmentId");
    require(serviceId, "serviceId");
    require(phaseId, "phaseId");
    require(level, "level");
    require(kind, "kind");
    require(timing, "timing");
  }

  public static SessionFacts of(SessionScheduled e) {
    return of(e, new Timing(e.startsAt(), e.plannedMinutes(), 0), true, null, null);
  }

  public static SessionFacts of(SessionRescheduled e) {
    return of(e, new Timing(e.startsAt(), e.plannedMinutes(), e.revision()), false, null, null);
  }

  public static SessionFacts of(SessionCancelled e) {
    return of(
        e,
        new Timing(e.startsAt(), e.plannedMinutes(), Timing.FINAL),
        false,
        new Cancellation(e.cancelledAt(), e.cause()),
        null);
  }

  public static SessionFacts of(SessionCompleted e) {
    EnumMap<TeamRole, Integer> attendance = new EnumMap<>(TeamRole.class);
    for (SessionCompleted.RoleAttendance role : e.attendance()) {
      require(role.role(), "attendance role");
      attendance.merge(role.role(), role.count(), Integer::sum);
    }
    return of(
        e,
        new Timing(e.startsAt(), e.plannedMinutes(), Timing.FINAL),
        false,
        null,
        new Completion(
            e.completedAt(),
            e.deliveredMinutes(),
            e.attendees(),
            e.livedExperiencePartnerTookPart(),
            attendance));
  }

  /** The session's identity as the event gives it, with what this event says of it. */
  private static SessionFacts of(
      SessionEvent e,
      Timing timing,
      boolean scheduled,
      Cancellation cancellation,
      Completion completion) {
    return new SessionFacts(
        e.sessionId(),
        e.planId(),
        e.enrollmentId(),
        e.serviceId(),
        e.phaseId(),
        e.level(),
        e.kind(),
        timing,
        scheduled,
        cancellation,
        completion);
  }

  /** The facts of both; the same whichever is {@code this}. */
  public SessionFacts merge(SessionFacts other) {
    if (!sessionId.equals(other.sessionId)) {
      throw new IllegalArgumentException(
          "Facts of session " + other.sessionId + " cannot merge into " + sessionId);
    }
    int later = Timing.LATEST_LAST.compare(timing, other.timing);
    // Equal timings with different identities cannot both be true; settle it by content anyway.
    SessionFacts identity =
        later > 0 || (later == 0 && toString().compareTo(other.toString()) >= 0) ? this : other;
    return new SessionFacts(
        sessionId,
        identity.planId,
        identity.enrollmentId,
        identity.serviceId,
        identity.phaseId,
        identity.level,
        identity.kind,
        identity.timing,
        scheduled || other.scheduled,
        pick(cancellation, other.cancellation, Cancellation.EARLIEST_FIRST.reversed()),
        pick(completion, other.completion, Completion.LATEST_LAST));
  }

  public Status status() {
    if (completion != null) {
      return Status.DELIVERED;
    }
    return cancellation != null ? Status.CANCELLED : Status.SCHEDULED;
  }

  /** The greater of two by the order, the other when one is null. */
  private static <T> T pick(T a, T b, Comparator<T> order) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return order.compare(a, b) >= 0 ? a : b;
  }

  private static void require(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
