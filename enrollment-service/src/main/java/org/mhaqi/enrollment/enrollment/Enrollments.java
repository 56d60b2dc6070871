package org.mhaqi.enrollment.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mhaqi.enrollment.organisation.OrganisationScope;
import org.mhaqi.enrollment.organisation.Organisations;
import org.mhaqi.enrollment.organisation.ServiceProfile;
import org.mhaqi.enrollment.programme.Phase;
import org.mhaqi.enrollment.programme.PhaseRepository;
import org.mhaqi.events.enrollment.DeclineReason;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.WithdrawalReason;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.Paging;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolment use cases. Every change of who holds or waits for a phase's places (admission,
 * withdrawal, completion, promotion) runs under a lock on the phase row, so concurrent requests can
 * never enrol more services than the phase's capacity nor reorder its waitlist. Every change of an
 * enrolment also locks its row (as project team changes do), so changes of one enrolment queue
 * instead of failing on each other's version.
 */
@Service
@Transactional
public class Enrollments {

  /** Order of application; the id breaks ties so the order is stable. */
  private static final Sort BY_APPLICATION = Sort.by("appliedAt", "id");

  /** The statuses that hold one of a phase's places. */
  static final List<EnrollmentStatus> PLACE_TAKING =
      List.of(EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED);

  private final EnrollmentRepository enrollments;
  private final PhaseRepository phases;
  private final Organisations organisations;
  private final OrganisationScope scope;
  private final SponsorDirectory sponsors;
  private final Clock clock;

  Enrollments(
      EnrollmentRepository enrollments,
      PhaseRepository phases,
      Organisations organisations,
      OrganisationScope scope,
      SponsorDirectory sponsors,
      Clock clock) {
    this.enrollments = enrollments;
    this.phases = phases;
    this.organisations = organisations;
    this.scope = scope;
    this.sponsors = sponsors;
    this.clock = clock;
  }

  /**
   * A service expresses interest in a phase; ineligible providers are declined at once. A trust
   * member names only their own organisation's services: another's is answered as unknown.
   */
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
    Enrollment enrollment = lock(enrollmentId);
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
   * Enrols the service if its phase has a free place and nobody who applied before it waits;
   * otherwise waitlists it in order of application.
   */
  public Enrollment admit(UUID enrollmentId, String actor) {
    Phase phase = lockPhaseOf(enrollmentId);
    Enrollment enrollment = lock(enrollmentId);
    enrollment.requireAdmissible();
    Instant now = clock.instant();
    long ahead =
        enrollments.countByPhaseIdAndStatusAndAppliedAtBefore(
            phase.getId(), EnrollmentStatus.WAITLISTED, enrollment.getAppliedAt());
    Admission admission = Admission.decide(phase.getCapacity(), placesTaken(phase), ahead);
    if (admission instanceof Admission.Waitlist waitlist) {
      enrollment.waitlist(waitlist.position(), actor, now);
    } else {
      enrollment.enrol(organisations.profile(enrollment.getServiceId(), null), phase, actor, now);
    }
    enrollments.saveAndFlush(enrollment);
    promoteIntoFreePlaces(phase, actor, now);
    return enrollment;
  }

  public Enrollment decline(UUID enrollmentId, String reason, String actor) {
    Enrollment enrollment = lock(enrollmentId);
    enrollment.decline(DeclineReason.PROGRAMME_DECISION, reason, actor, clock.instant());
    return enrollments.save(enrollment);
  }

  /** Withdraws the service; a place it frees goes to the first waitlisted service. */
  public Enrollment withdraw(
      UUID enrollmentId, WithdrawalReason reasonCode, String reason, String actor) {
    Phase phase = lockPhaseOf(enrollmentId);
    Enrollment enrollment = lock(enrollmentId);
    Instant now = clock.instant();
    enrollment.withdraw(reasonCode, reason, actor, now);
    enrollments.saveAndFlush(enrollment);
    promoteIntoFreePlaces(phase, actor, now);
    return enrollment;
  }

  /**
   * Records that an enrolled service completed its phase. Its place stays taken (the phase worked
   * with it), so nobody is promoted.
   */
  public Enrollment complete(UUID enrollmentId, String actor) {
    lockPhaseOf(enrollmentId);
    Enrollment enrollment = lock(enrollmentId);
    enrollment.complete(actor, clock.instant());
    return enrollments.save(enrollment);
  }

  /** Promotes the first waiting services, in order of application, into the free places. */
  private void promoteIntoFreePlaces(Phase phase, String actor, Instant now) {
    List<Enrollment> waiting = enrollments.lockWaitlist(phase.getId());
    int promotions = Admission.promotions(phase.getCapacity(), placesTaken(phase), waiting.size());
    for (Enrollment next : waiting.subList(0, promotions)) {
      next.enrol(organisations.profile(next.getServiceId(), null), phase, actor, now);
      enrollments.save(next);
    }
  }

  /** Places used in the phase: enrolled services and those that completed it. */
  private long placesTaken(Phase phase) {
    return enrollments.countByPhaseIdAndStatusIn(phase.getId(), PLACE_TAKING);
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
   * (its project team) commit, and announce themselves, one at a time. Another organisation's
   * enrolment is not found for a trust member, and is not locked either.
   */
  public Enrollment lock(UUID id) {
    requireVisible(id);
    return enrollments.lockById(id).orElseThrow(() -> new NotFoundException("enrollment", id));
  }

  /** The enrolment, if the caller may see it (a trust member only their organisation's). */
  @Transactional(readOnly = true)
  public Enrollment enrollment(UUID id) {
    return enrollments
        .findById(id)
        .filter(e -> scope.includes(e.getOrganisationId()))
        .orElseThrow(() -> new NotFoundException("enrollment", id));
  }

  /**
   * Whether the caller may see the enrolment, if it exists: a trust member only their
   * organisation's (read without loading it), everyone else any.
   */
  @Transactional(readOnly = true)
  public boolean isVisible(UUID id) {
    return scope
        .limitedTo()
        .map(own -> enrollments.findOrganisationIdById(id).filter(own::equals).isPresent())
        .orElse(true);
  }

  private void requireVisible(UUID id) {
    if (!isVisible(id)) {
      throw new NotFoundException("enrollment", id);
    }
  }

  /**
   * Which enrolments to list; null fields do not filter.
   *
   * @param appliedFrom first day (UTC, inclusive) of application
   * @param appliedTo last day (UTC, inclusive) of application
   */
  public record Filter(
      UUID phaseId,
      EnrollmentStatus status,
      UUID organisationId,
      LocalDate appliedFrom,
      LocalDate appliedTo) {}

  /**
   * In order of application, then id, so pages are stable. A trust member's search is limited to
   * their organisation's enrolments in the query itself, whatever the filter says.
   */
  @Transactional(readOnly = true)
  public Page<Enrollment> search(Filter filter, Pageable pageable) {
    Specification<Enrollment> spec = Specification.unrestricted();
    Optional<UUID> own = scope.limitedTo();
    if (own.isPresent()) {
      spec = spec.and((root, query, cb) -> cb.equal(root.get("organisationId"), own.get()));
    }
    if (filter.phaseId() != null) {
      spec = spec.and((root, query, cb) -> cb.equal(root.get("phaseId"), filter.phaseId()));
    }
    if (filter.status() != null) {
      spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), filter.status()));
    }
    if (filter.organisationId() != null) {
      spec =
          spec.and(
              (root, query, cb) -> cb.equal(root.get("organisationId"), filter.organisationId()));
    }
    if (filter.appliedFrom() != null) {
      Instant from = filter.appliedFrom().atStartOfDay(ZoneOffset.UTC).toInstant();
      spec =
          spec.and(
              (root, query, cb) -> cb.greaterThanOrEqualTo(root.<Instant>get("appliedAt"), from));
    }
    if (filter.appliedTo() != null) {
      Instant until = filter.appliedTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      spec = spec.and((root, query, cb) -> cb.lessThan(root.<Instant>get("appliedAt"), until));
    }
    return enrollments.findAll(spec, Paging.inOrder(pageable, BY_APPLICATION));
  }

  /** The phase's waitlist, first in line first. */
  @Transactional(readOnly = true)
  public Page<Enrollment> waitlist(UUID phaseId, Pageable pageable) {
    phases.findById(phaseId).orElseThrow(() -> new NotFoundException("phase", phaseId));
    return enrollments.findByPhaseIdAndStatus(
        phaseId, EnrollmentStatus.WAITLISTED, Paging.inOrder(pageable, BY_APPLICATION));
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

  /**
   * Locks the phase of the enrolment before the enrolment itself is read, so that what is read (the
   * enrolment, the places taken, the waitlist) is what the previous holder of the lock committed.
   */
  private Phase lockPhaseOf(UUID enrollmentId) {
    requireVisible(enrollmentId);
    UUID phaseId =
        enrollments
            .findPhaseIdById(enrollmentId)
            .orElseThrow(() -> new NotFoundException("enrollment", enrollmentId));
    return phases.lockById(phaseId).orElseThrow(() -> new NotFoundException("phase", phaseId));
  }
}
