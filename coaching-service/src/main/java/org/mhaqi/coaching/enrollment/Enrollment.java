package org.mhaqi.coaching.enrollment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProjectTeamUpdated;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.events.enrollment.TeamRole;

/**
 * An enrolment as coaching knows it. Built up from events that may arrive in any order: the project
 * team (before or after the enrolment), the enrolment itself, and its end, a withdrawal or a
 * completion (which may overtake the enrolment and is then kept until it arrives).
 */
@Entity
@Table(name = "enrollment")
public class Enrollment {

  @Id private UUID id;
  private UUID serviceId;
  private UUID phaseId;

  @Enumerated(EnumType.STRING)
  private PhaseKind phaseKind;

  private String odsCode;

  @Enumerated(EnumType.STRING)
  private ServiceType serviceType;

  private LocalDate coachingStartsOn;
  private LocalDate coachingEndsOn;
  private Instant enrolledAt;
  private Instant withdrawnAt;
  private String withdrawalReason;
  private Instant completedAt;
  private Instant teamUpdatedAt;
  private Long teamRevision;

  /**
   * Null until first stored. With an assigned id, a null version is how Spring Data tells a new row
   * (persist: one insert) from a stored one (merge: a select by id first, for every session too).
   */
  @Version private Long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "enrollment_team_member",
      joinColumns = @JoinColumn(name = "enrollment_id"))
  private Set<TeamMember> team = new HashSet<>();

  protected Enrollment() {}

  Enrollment(UUID id) {
    this.id = id;
  }

  /** Records the enrolment; a second delivery of the same facts changes nothing. */
  void enrolled(ServiceEnrolled event) {
    serviceId = event.serviceId();
    phaseId = event.phaseId();
    phaseKind = event.phaseKind();
    odsCode = event.odsCode();
    serviceType = event.serviceType();
    coachingStartsOn = event.coachingStartsOn();
    coachingEndsOn = event.coachingEndsOn();
    if (enrolledAt == null) {
      enrolledAt = event.enrolledAt();
    }
  }

  /** Records the withdrawal; the first one counts. */
  boolean withdrawn(Instant at, String reason) {
    if (withdrawnAt != null) {
      return false;
    }
    withdrawnAt = at;
    withdrawalReason = reason;
    return true;
  }

  /** Records the completion of the phase; the first one counts. */
  boolean completed(Instant at) {
    if (completedAt != null) {
      return false;
    }
    completedAt = at;
    return true;
  }

  /**
   * Replaces the team unless the update is older than the one already applied; erased members are
   * left out whatever the update says.
   */
  boolean teamUpdated(ProjectTeamUpdated event, Set<UUID> erased) {
    if (!supersedes(event.revision(), event.updatedAt(), teamRevision, teamUpdatedAt)) {
      return false;
    }
    team.clear();
    event.members().stream()
        .filter(m -> !erased.contains(m.memberId()))
        .forEach(m -> team.add(new TeamMember(m.memberId(), m.role())));
    teamUpdatedAt = event.updatedAt();
    if (event.revision() != null) {
      teamRevision = event.revision();
    }
    return true;
  }

  /** Forgets an erased member; a member not (or no longer) in the team changes nothing. */
  boolean memberErased(UUID memberId) {
    return team.removeIf(m -> m.memberId().equals(memberId));
  }

  /**
   * Whether a team update replaces the team applied so far. Revisions decide when both carry one
   * (wall clocks of different writers drift; a revision does not), so the highest revision wins
   * whatever the arrival order. An update written before revisions existed, or the first team with
   * a revision after such an update, falls back to the time of the update.
   */
  static boolean supersedes(
      Long revision, Instant updatedAt, Long appliedRevision, Instant appliedAt) {
    if (revision != null && appliedRevision != null) {
      return revision > appliedRevision;
    }
    return appliedAt == null || !updatedAt.isBefore(appliedAt);
  }

  /**
   * The first day of coaching: the window's first day, or, for a service enrolled part-way through
   * the window (promoted from the waitlist when a place came free), the next working day after its
   * enrolment in the given zone, so that no session is planned before the service was in.
   *
   * @return a day after the window's last one when the enrolment came too late for any session
   */
  public LocalDate firstCoachingDay(ZoneId zone, Predicate<LocalDate> isWorkingDay) {
    if (enrolledAt == null) {
      return coachingStartsOn;
    }
    LocalDate enrolledOn = enrolledAt.atZone(zone).toLocalDate();
    if (enrolledOn.isBefore(coachingStartsOn)) {
      return coachingStartsOn;
    }
    LocalDate day = enrolledOn.plusDays(1);
    while (!isWorkingDay.test(day) && !day.isAfter(coachingEndsOn)) {
      day = day.plusDays(1);
    }
    return day;
  }

  public boolean isEnrolled() {
    return enrolledAt != null;
  }

  public boolean isWithdrawn() {
    return withdrawnAt != null;
  }

  public boolean isCompleted() {
    return completedAt != null;
  }

  public Optional<TeamRole> roleOf(UUID memberId) {
    return team.stream()
        .filter(m -> m.memberId().equals(memberId))
        .map(TeamMember::role)
        .findFirst();
  }

  public List<TeamMember> team() {
    return List.copyOf(team);
  }

  public UUID getId() {
    return id;
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

  public String getOdsCode() {
    return odsCode;
  }

  public ServiceType getServiceType() {
    return serviceType;
  }

  public LocalDate getCoachingStartsOn() {
    return coachingStartsOn;
  }

  public LocalDate getCoachingEndsOn() {
    return coachingEndsOn;
  }

  public Instant getEnrolledAt() {
    return enrolledAt;
  }

  public Instant getWithdrawnAt() {
    return withdrawnAt;
  }

  public String getWithdrawalReason() {
    return withdrawalReason;
  }

  public Instant getTeamUpdatedAt() {
    return teamUpdatedAt;
  }

  public Long getTeamRevision() {
    return teamRevision;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }
}
