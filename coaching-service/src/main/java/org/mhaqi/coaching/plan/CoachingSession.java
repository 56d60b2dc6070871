package org.mhaqi.coaching.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.mhaqi.coaching.scheduling.Booking;
import org.mhaqi.coaching.scheduling.PlannedSession;
import org.mhaqi.events.coaching.CancellationCause;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionKind;
import org.mhaqi.events.enrollment.TeamRole;

/**
 * A session of a coaching plan. Its time is a wall-clock time in the plan's zone, so it stays put
 * across clock changes. Changed only through its {@link CoachingPlan}, which records the events.
 */
@Entity
@Table(name = "coaching_session")
public class CoachingSession {

  @Id private UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "plan_id")
  private CoachingPlan plan;

  @Enumerated(EnumType.STRING)
  private CoachingLevel level;

  @Enumerated(EnumType.STRING)
  private SessionKind kind;

  private LocalDateTime startsAt;
  private String timeZone;
  private int durationMinutes;
  private LocalDateTime originalStartsAt;
  private UUID coachId;

  @Enumerated(EnumType.STRING)
  private SessionStatus status;

  private int revision;

  @Enumerated(EnumType.STRING)
  private CancellationCause cancellationCause;

  private String cancellationReason;
  private Integer deliveredMinutes;
  private Boolean livedExperiencePartnerTookPart;
  private Instant updatedAt;

  /**
   * Null until first stored. With an assigned id, a null version is how Spring Data tells a new row
   * (persist: one insert) from a stored one (merge: a select by id first, for every session too).
   */
  @Version private Long version;

  @ElementCollection
  @CollectionTable(name = "session_attendance", joinColumns = @JoinColumn(name = "session_id"))
  @MapKeyColumn(name = "role")
  @MapKeyEnumerated(EnumType.STRING)
  @Column(name = "attendees")
  private Map<TeamRole, Integer> attendance = new HashMap<>();

  @ElementCollection
  @CollectionTable(name = "session_attendee", joinColumns = @JoinColumn(name = "session_id"))
  private Set<Attendee> attendees = new HashSet<>();

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
  @JoinColumn(name = "session_id", nullable = false)
  @OrderBy("sequence")
  private List<SessionChange> changes = new ArrayList<>();

  protected CoachingSession() {}

  CoachingSession(CoachingPlan plan, PlannedSession planned, ZoneId zone, Instant now) {
    this.id = UUID.randomUUID();
    this.plan = plan;
    this.level = planned.level();
    this.kind = planned.kind();
    this.startsAt = planned.startsAt();
    this.originalStartsAt = planned.startsAt();
    this.timeZone = zone.getId();
    this.durationMinutes = planned.minutes();
    this.coachId = planned.coachId();
    this.status = SessionStatus.SCHEDULED;
    this.revision = 0;
    this.updatedAt = now;
  }

  void moveTo(LocalDateTime newStart, UUID newCoach, String reason, String actor, Instant now) {
    SessionChange.Change change =
        newStart.equals(startsAt) && coachId == null
            ? SessionChange.Change.STAFFED
            : SessionChange.Change.RESCHEDULED;
    record(change, now, actor, startsAt, newStart, coachId, newCoach, reason);
    startsAt = newStart;
    coachId = newCoach;
    revision++;
    updatedAt = now;
  }

  void cancel(CancellationCause cause, String reason, String actor, Instant now) {
    record(SessionChange.Change.CANCELLED, now, actor, startsAt, null, coachId, null, reason);
    status = SessionStatus.CANCELLED;
    cancellationCause = cause;
    cancellationReason = reason;
    revision++;
    updatedAt = now;
  }

  void complete(int minutes, Attendance delivered, String actor, Instant now) {
    record(SessionChange.Change.COMPLETED, now, actor, startsAt, null, coachId, coachId, null);
    status = SessionStatus.COMPLETED;
    deliveredMinutes = minutes;
    attendance.clear();
    delivered
        .byRole()
        .forEach(
            (role, count) -> {
              if (count > 0) {
                attendance.put(role, count);
              }
            });
    attendees.clear();
    attendees.addAll(delivered.attendees());
    livedExperiencePartnerTookPart = delivered.livedExperiencePartnerTookPart();
    updatedAt = now;
  }

  private void record(
      SessionChange.Change change,
      Instant now,
      String actor,
      LocalDateTime from,
      LocalDateTime to,
      UUID fromCoach,
      UUID toCoach,
      String reason) {
    changes.add(
        new SessionChange(
            changes.size() + 1, change, now, actor, from, to, fromCoach, toCoach, reason));
  }

  public Booking booking() {
    return new Booking(startsAt, durationMinutes, kind == SessionKind.IMPROVEMENT_DAY);
  }

  /** The start as an instant: the wall-clock time in the session's zone. */
  public ZonedDateTime zonedStart() {
    return startsAt.atZone(ZoneId.of(timeZone));
  }

  public LocalDateTime endsAt() {
    return startsAt.plusMinutes(durationMinutes);
  }

  public boolean isStaffed() {
    return coachId != null;
  }

  public UUID getId() {
    return id;
  }

  public CoachingPlan getPlan() {
    return plan;
  }

  public CoachingLevel getLevel() {
    return level;
  }

  public SessionKind getKind() {
    return kind;
  }

  public LocalDateTime getStartsAt() {
    return startsAt;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public int getDurationMinutes() {
    return durationMinutes;
  }

  public LocalDateTime getOriginalStartsAt() {
    return originalStartsAt;
  }

  public UUID getCoachId() {
    return coachId;
  }

  public SessionStatus getStatus() {
    return status;
  }

  /** Bumped on every move, staffing and cancellation: the calendar feeds' SEQUENCE. */
  public int getRevision() {
    return revision;
  }

  public CancellationCause getCancellationCause() {
    return cancellationCause;
  }

  public String getCancellationReason() {
    return cancellationReason;
  }

  public Integer getDeliveredMinutes() {
    return deliveredMinutes;
  }

  public Boolean getLivedExperiencePartnerTookPart() {
    return livedExperiencePartnerTookPart;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Map<TeamRole, Integer> getAttendance() {
    Map<TeamRole, Integer> copy = new EnumMap<>(TeamRole.class);
    copy.putAll(attendance);
    return copy;
  }

  public Set<Attendee> getAttendees() {
    return Set.copyOf(attendees);
  }

  public List<SessionChange> getChanges() {
    return List.copyOf(changes);
  }
}
