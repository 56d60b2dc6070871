package org.mhaqi.enrollment.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mhaqi.enrollment.organisation.Organisations;
import org.mhaqi.enrollment.organisation.ServiceProfile;
import org.mhaqi.enrollment.programme.Phase;
import org.mhaqi.enrollment.programme.PhaseRepository;
import org.mhaqi.events.enrollment.DeclineReason;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolment use cases. Decisions that depend on how many places a phase has left (admission,
 * promotion after a withdrawal) run under a lock on the phase row, so concurrent requests can never
 * enrol more services than the phase's capacity.
 */
@Service
@Transactional
public class Enrollments {

  private final EnrollmentRepository enrollments;
  private final PhaseRepository phases;
  private final Organisations organisations;
  private final SponsorDirectory sponsors;
  private final Clock clock;

  Enrollments(
      EnrollmentRepository enrollments,
      PhaseRepository phases,
      Organisations organisations,
      SponsorDirectory sponsors,
      Clock clock) {
    this.enrollments = enrollments;
    this.phases = phases;
    this.organisations = organisations;
    this.sponsors = sponsors;
    this.clock = clock;
  }

  /** A service expresses interest in a phase; ineligible providers are declined at once. */
  public Enrollment expressInterest(UUID serviceId, UUID phaseId, String actor) {
    Phase phase =
        phases
            .findById(phaseId)
            .orElseThrow(() -> new NotFoundException("phase", phaseId, "phaseId"));
    ServiceProfile service = organisations.profile(serviceId, "serviceId");
    enrollments
        .findByServiceIdAndPhaseId(serviceId, phaseId)
        .ifPresent(
            existing -> {
              throw RuleViolationException.conflict(
                  "already-applied",
                  "serviceId",
                  "The service has already applied to this phase: enrolment " + existing.getId());
            });
    Instant now = clock.instant();
    return enrollments.save(Enrollment.expressInterest(service, phase, null, now, actor, now));
  }

  /** The executive sponsor confirms the three backings. */
  public Enrollment confirmCommitment(
      UUID enrollmentId,
      UUID sponsorMemberId,
      boolean organisationInvolvement,
      boolean teamChangeIdeas,
      boolean proportionateDataCollection,
      String actor) {
    Enrollment enrollment = enrollment(enrollmentId);
    requireBacking(
        organisationInvolvement, "organisationInvolvement", "the organisation's involvement");
    requireBacking(
        teamChangeIdeas,
        "teamChangeIdeas",
        "the team developing, implementing and sustaining its change ideas");
    requireBacking(
        proportionateDataCollection,
        "proportionateDataCollection",
        "proportionate data collection for the programme's evaluation");
    if (!sponsors.isExecutiveSponsor(enrollmentId, sponsorMemberId)) {
      throw RuleViolationException.unprocessable(
          "not-executive-sponsor",
          "sponsorMemberId",
          "Member "
              + sponsorMemberId
              + " is not an executive sponsor in this enrolment's project team");
    }
    enrollment.confirmCommitment(
        new ExecutiveCommitment(
            sponsorMemberId,
            organisationInvolvement,
            teamChangeIdeas,
            proportionateDataCollection,
            clock.instant(),
            actor));
    return enrollments.save(enrollment);
  }

  private static void requireBacking(boolean backed, String field, String what) {
    if (!backed) {
      throw RuleViolationException.unprocessable(
          "executive-commitment-missing",
          field,
          "The executive sponsor must back " + what + " before the service can be enrolled");
    }
  }

  /**
   * Enrols the service if its phase has a place, otherwise waitlists it in order of application.
   */
  public Enrollment admit(UUID enrollmentId, String actor) {
    Enrollment enrollment = enrollment(enrollmentId);
    Phase phase = lockPhase(enrollment);
    enrollment.requireAdmissible();
    Instant now = clock.instant();
    long enrolled = enrollments.countByPhaseIdAndStatus(phase.getId(), EnrollmentStatus.ENROLLED);
    long ahead =
        enrollments.countByPhaseIdAndStatusAndAppliedAtBefore(
            phase.getId(), EnrollmentStatus.WAITLISTED, enrollment.getAppliedAt());
    Admission admission = Admission.decide(phase.getCapacity(), enrolled, ahead);
    if (admission instanceof Admission.Waitlist waitlist) {
      enrollment.waitlist(waitlist.position(), actor, now);
    } else {
      enrollment.enrol(organisations.profile(enrollment.getServiceId(), null), phase, actor, now);
    }
    return enrollments.save(enrollment);
  }

  public Enrollment decline(UUID enrollmentId, String reason, String actor) {
    Enrollment enrollment = enrollment(enrollmentId);
    enrollment.decline(DeclineReason.PROGRAMME_DECISION, reason, actor, clock.instant());
    return enrollments.save(enrollment);
  }

  /** Withdraws the service; a place it frees goes to the first waitlisted service. */
  public Enrollment withdraw(UUID enrollmentId, String reason, String actor) {
    Enrollment enrollment = enrollment(enrollmentId);
    Phase phase = lockPhase(enrollment);
    boolean freesPlace = enrollment.getStatus() == EnrollmentStatus.ENROLLED;
    Instant now = clock.instant();
    enrollment.withdraw(reason, actor, now);
    enrollments.saveAndFlush(enrollment);
    if (freesPlace) {
      promoteFirstWaitlisted(phase, actor, now);
    }
    return enrollment;
  }

  private void promoteFirstWaitlisted(Phase phase, String actor, Instant now) {
    long enrolled = enrollments.countByPhaseIdAndStatus(phase.getId(), EnrollmentStatus.ENROLLED);
    if (enrolled >= phase.getCapacity()) {
      return;
    }
    enrollments
        .findByPhaseIdAndStatusOrderByAppliedAtAscIdAsc(phase.getId(), EnrollmentStatus.WAITLISTED)
        .stream()
        .findFirst()
        .ifPresent(
            next -> {
              next.enrol(organisations.profile(next.getServiceId(), null), phase, actor, now);
              enrollments.save(next);
            });
  }

  public Enrollment complete(UUID enrollmentId, String actor) {
    Enrollment enrollment = enrollment(enrollmentId);
    enrollment.complete(actor, clock.instant());
    return enrollments.save(enrollment);
  }

  /**
   * Carries the pilot's unmet interest (services still interested or waitlisted there) into the
   * wider implementation phase. They keep their original application time, so they come before
   * newcomers on the waitlist. Services already in the wider phase are left as they are.
   */
  public List<Enrollment> carryOver(UUID widerPhaseId, String actor) {
    Phase wider =
        phases
            .findById(widerPhaseId)
            .orElseThrow(() -> new NotFoundException("phase", widerPhaseId));
    if (wider.getKind() != PhaseKind.WIDER_IMPLEMENTATION) {
      throw RuleViolationException.unprocessable(
          "not-wider-phase",
          "phaseId",
          "Interest carries over into a wider implementation phase; this phase is "
              + wider.getKind());
    }
    Phase pilot =
        phases
            .findByProgrammeIdAndKind(wider.getProgrammeId(), PhaseKind.PILOT)
            .orElseThrow(
                () ->
                    RuleViolationException.unprocessable(
                        "no-pilot-phase",
                        "phaseId",
                        "The programme has no pilot phase to carry over from"));
    Instant now = clock.instant();
    List<Enrollment> carried = new ArrayList<>();
    for (Enrollment unmet :
        enrollments.findByPhaseIdAndStatusInOrderByAppliedAt(
            pilot.getId(), List.of(EnrollmentStatus.INTERESTED, EnrollmentStatus.WAITLISTED))) {
      if (enrollments.findByServiceIdAndPhaseId(unmet.getServiceId(), wider.getId()).isPresent()) {
        continue;
      }
      ServiceProfile service = organisations.profile(unmet.getServiceId(), null);
      carried.add(
          enrollments.save(
              Enrollment.expressInterest(
                  service, wider, unmet.getId(), unmet.getAppliedAt(), actor, now)));
    }
    return carried;
  }

  /**
   * Reads the enrolment and locks it for the rest of the transaction, so that changes around it
   * (its project team) commit, and announce themselves, one at a time.
   */
  public Enrollment lock(UUID id) {
    return enrollments.lockById(id).orElseThrow(() -> new NotFoundException("enrollment", id));
  }

  @Transactional(readOnly = true)
  public Enrollment enrollment(UUID id) {
    return enrollments.findById(id).orElseThrow(() -> new NotFoundException("enrollment", id));
  }

  @Transactional(readOnly = true)
  public List<Enrollment> search(UUID phaseId, EnrollmentStatus status, UUID organisationId) {
    Specification<Enrollment> spec = Specification.unrestricted();
    if (phaseId != null) {
      spec = spec.and((root, query, cb) -> cb.equal(root.get("phaseId"), phaseId));
    }
    if (status != null) {
      spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
    }
    if (organisationId != null) {
      spec = spec.and((root, query, cb) -> cb.equal(root.get("organisationId"), organisationId));
    }
    return enrollments.findAll(spec, org.springframework.data.domain.Sort.by("appliedAt", "id"));
  }

  /** The phase's waitlist, first in line first. */
  @Transactional(readOnly = true)
  public List<Enrollment> waitlist(UUID phaseId) {
    phases.findById(phaseId).orElseThrow(() -> new NotFoundException("phase", phaseId));
    return enrollments.findByPhaseIdAndStatusOrderByAppliedAtAscIdAsc(
        phaseId, EnrollmentStatus.WAITLISTED);
  }

  /** How many enrolments of the phase are in each status. */
  @Transactional(readOnly = true)
  public Map<EnrollmentStatus, Long> occupancy(UUID phaseId) {
    Map<EnrollmentStatus, Long> counts =
        enrollments.countByStatus(phaseId).stream()
            .collect(
                Collectors.toMap(
                    EnrollmentRepository.StatusCount::getStatus,
                    EnrollmentRepository.StatusCount::getCount));
    Map<EnrollmentStatus, Long> all = new java.util.EnumMap<>(EnrollmentStatus.class);
    for (EnrollmentStatus status : EnrollmentStatus.values()) {
      all.put(status, counts.getOrDefault(status, 0L));
    }
    return all;
  }

  private Phase lockPhase(Enrollment enrollment) {
    return phases
        .lockById(enrollment.getPhaseId())
        .orElseThrow(() -> new NotFoundException("phase", enrollment.getPhaseId()));
  }
}
