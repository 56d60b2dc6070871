package org.mhaqi.enrollment.enrollment;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.mhaqi.enrollment.organisation.ServiceProfile;
import org.mhaqi.enrollment.programme.Phase;
import org.mhaqi.events.enrollment.DeclineReason;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.events.enrollment.EnrollmentDeclined;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.ExecutiveCommitmentConfirmed;
import org.mhaqi.events.enrollment.ExpressionOfInterestReceived;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceWaitlisted;
import org.mhaqi.events.enrollment.WithdrawalReason;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A service's enrolment in one phase. It guards its own life cycle: every change checks that the
 * transition is legal, appends a step to the history and registers the event that announces it; the
 * outbox stores those events in the same transaction when the enrolment is saved.
 */
@Entity
@Table(name = "enrollment")
public class Enrollment extends AbstractAggregateRoot<Enrollment> {

  /** Only NHS providers are coached; others join the learning network. */
  static final String NOT_ELIGIBLE =
      "Only NHS providers are enrolled for coaching; an independent-sector provider joins the"
          + " learning network, which receives the programme's shared learning.";

  @Id private UUID id;
  private UUID serviceId;
  private UUID organisationId;
  private UUID phaseId;

  @Enumerated(EnumType.STRING)
  private EnrollmentStatus status;

  private Instant appliedAt;
  private UUID carriedOverFrom;
  private boolean learningNetwork;

  @Enumerated(EnumType.STRING)
  private DeclineReason declineReason;

  @Embedded private ExecutiveCommitment commitment;

  /** How many times the project team changed: the revision its last ProjectTeamUpdated carried. */
  private long teamRevision;

  @Version private long version;

  // Eager: the history is part of every answer about an enrolment; one query per page of them.
  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @JoinColumn(name = "enrollment_id", nullable = false)
  @OrderBy("sequence")
  private List<EnrollmentTransition> history = new ArrayList<>();

  protected Enrollment() {}

  /**
   * A service expresses interest in a phase. An independent-sector provider is declined at once,
   * with the reason, and joins the learning network.
   *
   * @param carriedOverFrom the pilot enrolment the interest carries over from, or null
   * @param appliedAt when the service first applied; it orders the waitlist
   */
  public static Enrollment expressInterest(
      ServiceProfile service,
      Phase phase,
      UUID carriedOverFrom,
      Instant appliedAt,
      String actor,
      Instant now) {
    Enrollment enrollment = new Enrollment();
    enrollment.id = UUID.randomUUID();
    enrollment.serviceId = service.serviceId();
    enrollment.organisationId = service.organisationId();
    enrollment.phaseId = phase.getId();
    enrollment.appliedAt = appliedAt;
    enrollment.carriedOverFrom = carriedOverFrom;
    enrollment.status = EnrollmentStatus.INTERESTED;
    enrollment.record(
        null,
        EnrollmentStatus.INTERESTED,
        now,
        actor,
        carriedOverFrom == null ? null : "Carried over from pilot enrolment " + carriedOverFrom);
    enrollment.registerEvent(
        new ExpressionOfInterestReceived(
            enrollment.id,
            service.serviceId(),
            service.organisationId(),
            service.odsCode(),
            service.providerType(),
            service.region(),
            service.serviceType(),
            phase.getId(),
            phase.getKind(),
            carriedOverFrom,
            appliedAt));
    if (!service.providerType().isNhs()) {
      enrollment.learningNetwork = true;
      enrollment.decline(DeclineReason.PROVIDER_NOT_ELIGIBLE, NOT_ELIGIBLE, actor, now);
    }
    return enrollment;
  }

  /** The executive sponsor confirms the three backings; needed before enrolment. */
  public void confirmCommitment(ExecutiveCommitment commitment) {
    if (status != EnrollmentStatus.INTERESTED) {
      throw RuleViolationException.conflict(
          "illegal-transition",
          "status",
          "Executive commitment is confirmed before a decision; this enrolment is " + status);
    }
    if (!commitment.isComplete()) {
      throw new IllegalArgumentException("An incomplete commitment cannot be confirmed");
    }
    this.commitment = commitment;
    registerEvent(
        new ExecutiveCommitmentConfirmed(
            id,
            serviceId,
            commitment.sponsorMemberId(),
            commitment.organisationInvolvement(),
            commitment.teamChangeIdeas(),
            commitment.proportionateDataCollection(),
            commitment.confirmedAt()));
  }

  /**
   * Counts a change of the project team and returns its revision: one more than the last, starting
   * at 1. Callers hold the enrolment's row lock, so revisions never repeat or go backwards.
   */
  public long recordTeamChange() {
    teamRevision++;
    return teamRevision;
  }

  /** Takes a place in the phase: from interest (with commitment) or from the waitlist. */
  public void enrol(ServiceProfile service, Phase phase, String actor, Instant now) {
    boolean promoted = status == EnrollmentStatus.WAITLISTED;
    if (!promoted) {
      requireCommitment();
    }
    move(
        EnrollmentStatus.ENROLLED,
        now,
        actor,
        promoted ? "Promoted from the waitlist: a place was freed" : null);
    registerEvent(
        new ServiceEnrolled(
            id,
            serviceId,
            organisationId,
            service.odsCode(),
            service.providerType(),
            service.region(),
            service.serviceType(),
            phaseId,
            phase.getKind(),
            phase.getCoachingStartsOn(),
            phase.getCoachingEndsOn(),
            promoted,
            now));
  }

  /** The phase is full: waits, in order of application, for a place. */
  public void waitlist(int position, String actor, Instant now) {
    requireCommitment();
    move(
        EnrollmentStatus.WAITLISTED,
        now,
        actor,
        "Phase at capacity; waitlist position " + position);
    registerEvent(new ServiceWaitlisted(id, serviceId, phaseId, position, now));
  }

  public void decline(DeclineReason code, String reason, String actor, Instant now) {
    move(EnrollmentStatus.DECLINED, now, actor, reason);
    declineReason = code;
    registerEvent(new EnrollmentDeclined(id, serviceId, phaseId, code, learningNetwork, now));
  }

  /**
   * Leaves the phase; the caller promotes the first waitlisted service when a place frees. The
   * words stay in the history here; the event carries the code.
   */
  public void withdraw(WithdrawalReason reasonCode, String reason, String actor, Instant now) {
    EnrollmentStatus previous = status;
    move(EnrollmentStatus.WITHDRAWN, now, actor, reason);
    registerEvent(
        new EnrollmentWithdrawn(id, serviceId, phaseId, previous.name(), reasonCode, now));
  }

  public void complete(String actor, Instant now) {
    move(EnrollmentStatus.COMPLETED, now, actor, null);
    registerEvent(new EnrollmentCompleted(id, serviceId, phaseId, now));
  }

  /** Checks that a decision (enrol or waitlist) may be taken now. */
  public void requireAdmissible() {
    if (status != EnrollmentStatus.INTERESTED) {
      throw illegal(EnrollmentStatus.ENROLLED);
    }
    requireCommitment();
  }

  private void requireCommitment() {
    if (commitment == null || !commitment.isComplete()) {
      throw RuleViolationException.unprocessable(
          "executive-commitment-missing",
          "executiveCommitment",
          "An executive sponsor must confirm the three backings (organisation involvement, the"
              + " team's change ideas, proportionate data collection) before the service is"
              + " enrolled or waitlisted");
    }
  }

  private void move(EnrollmentStatus target, Instant now, String actor, String reason) {
    if (!status.canBecome(target)) {
      throw illegal(target);
    }
    EnrollmentStatus from = status;
    status = target;
    record(from, target, now, actor, reason);
  }

  private RuleViolationException illegal(EnrollmentStatus target) {
    return RuleViolationException.conflict(
        "illegal-transition",
        "status",
        "An enrolment that is " + status + " cannot become " + target);
  }

  private void record(
      EnrollmentStatus from, EnrollmentStatus to, Instant now, String actor, String reason) {
    history.add(new EnrollmentTransition(history.size() + 1, from, to, now, actor, reason));
  }

  /** The events registered since the last save, which publishes them. */
  List<Object> registeredEvents() {
    return List.copyOf(domainEvents());
  }

  public UUID getId() {
    return id;
  }

  public UUID getServiceId() {
    return serviceId;
  }

  public UUID getOrganisationId() {
    return organisationId;
  }

  public UUID getPhaseId() {
    return phaseId;
  }

  public EnrollmentStatus getStatus() {
    return status;
  }

  public Instant getAppliedAt() {
    return appliedAt;
  }

  public UUID getCarriedOverFrom() {
    return carriedOverFrom;
  }

  public boolean isLearningNetwork() {
    return learningNetwork;
  }

  public DeclineReason getDeclineReason() {
    return declineReason;
  }

  public ExecutiveCommitment getCommitment() {
    return commitment;
  }

  public long getTeamRevision() {
    return teamRevision;
  }

  public List<EnrollmentTransition> getHistory() {
    return List.copyOf(history);
  }
}
