package org.mhaqi.enrollment.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mhaqi.events.enrollment.DeclineReason;

/** An enrolment as the API shows it, with its commitment and its history. */
public record EnrollmentView(
    UUID id,
    UUID serviceId,
    UUID organisationId,
    UUID phaseId,
    EnrollmentStatus status,
    Instant appliedAt,
    UUID carriedOverFrom,
    boolean learningNetwork,
    DeclineReason declineReason,
    CommitmentView executiveCommitment,
    List<StepView> history) {

  /** The executive commitment, or null before it is confirmed. */
  public record CommitmentView(
      UUID sponsorMemberId,
      boolean organisationInvolvement,
      boolean teamChangeIdeas,
      boolean proportionateDataCollection,
      Instant confirmedAt,
      String confirmedBy) {}

  /** One step of the life cycle. */
  public record StepView(
      int sequence,
      EnrollmentStatus from,
      EnrollmentStatus to,
      Instant at,
      String actor,
      String reason) {}

  public static EnrollmentView of(Enrollment e) {
    ExecutiveCommitment c = e.getCommitment();
    return new EnrollmentView(
        e.getId(),
        e.getServiceId(),
        e.getOrganisationId(),
        e.getPhaseId(),
        e.getStatus(),
        e.getAppliedAt(),
        e.getCarriedOverFrom(),
        e.isLearningNetwork(),
        e.getDeclineReason(),
        c == null
            ? null
            : new CommitmentView(
                c.sponsorMemberId(),
                c.organisationInvolvement(),
                c.teamChangeIdeas(),
                c.proportionateDataCollection(),
                c.confirmedAt(),
                c.confirmedBy()),
        history(e));
  }

  static List<StepView> history(Enrollment e) {
    return e.getHistory().stream()
        .map(
            t ->
                new StepView(
                    t.getSequence(),
                    t.getFromStatus(),
                    t.getToStatus(),
                    t.getOccurredAt(),
                    t.getActor(),
                    t.getReason()))
        .toList();
  }
}
