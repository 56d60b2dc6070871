package org.mhaqi.coaching.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.mhaqi.events.enrollment.ProjectTeamUpdated;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.TeamMemberErased;
import org.mhaqi.support.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps coaching's view of enrolments up to date from enrollment-service's events. Every change
 * locks the enrolment's row, so events of one enrolment applied concurrently (a redelivery racing
 * the original) are applied one after the other.
 */
@Service
@Transactional
public class Enrollments {

  private final EnrollmentRepository enrollments;
  private final ErasedTeamMemberRepository erased;

  Enrollments(EnrollmentRepository enrollments, ErasedTeamMemberRepository erased) {
    this.enrollments = enrollments;
    this.erased = erased;
  }

  public Enrollment enrolled(ServiceEnrolled event) {
    // Usually the first event of the enrolment: its row is inserted with the facts at once, one
    // statement instead of an empty insert and an update.
    return lockOrCreate(event.enrollmentId(), enrollment -> enrollment.enrolled(event));
  }

  /**
   * Records a withdrawal, even before the enrolment is known.
   *
   * @return the enrolment, and whether this was the first withdrawal recorded for it
   */
  public Withdrawal withdrawn(UUID enrollmentId, Instant at, String reason) {
    Enrollment enrollment = lockOrCreate(enrollmentId);
    boolean first = enrollment.withdrawn(at, reason);
    return new Withdrawal(enrollments.save(enrollment), first);
  }

  /** The enrolment after a withdrawal, and whether the withdrawal was new. */
  public record Withdrawal(Enrollment enrollment, boolean first) {}

  /**
   * Records the completion of the phase, even before the enrolment is known.
   *
   * @return the enrolment, and whether this was the first completion recorded for it
   */
  public Completion completed(UUID enrollmentId, Instant at) {
    Enrollment enrollment = lockOrCreate(enrollmentId);
    boolean first = enrollment.completed(at);
    return new Completion(enrollments.save(enrollment), first);
  }

  /** The enrolment after a completion, and whether the completion was new. */
  public record Completion(Enrollment enrollment, boolean first) {}

  public Enrollment teamUpdated(ProjectTeamUpdated event) {
    Enrollment enrollment = lockOrCreate(event.enrollmentId());
    Set<UUID> erasedMembers =
        erased
            .findByMemberIdIn(
                event.members().stream().map(ProjectTeamUpdated.Member::memberId).toList())
            .stream()
            .map(ErasedTeamMember::getMemberId)
            .collect(Collectors.toSet());
    enrollment.teamUpdated(event, erasedMembers);
    return enrollments.save(enrollment);
  }

  /**
   * Forgets an erased team member: out of the enrolment's team now, and out of any team update read
   * later. Applying it twice changes nothing.
   */
  public void memberErased(TeamMemberErased event) {
    if (!erased.existsById(event.memberId())) {
      erased.save(new ErasedTeamMember(event.memberId(), event.enrollmentId(), event.erasedAt()));
    }
    enrollments
        .lockById(event.enrollmentId())
        .ifPresent(
            enrollment -> {
              if (enrollment.memberErased(event.memberId())) {
                enrollments.save(enrollment);
              }
            });
  }

  /** An enrolled enrolment named in the path, or 404. */
  @Transactional(readOnly = true)
  public Enrollment enrollment(UUID id) {
    return enrollments
        .findById(id)
        .filter(Enrollment::isEnrolled)
        .orElseThrow(() -> new NotFoundException("enrollment", id));
  }

  @Transactional(readOnly = true)
  public List<Enrollment> ofService(UUID serviceId) {
    return enrollments.findByServiceId(serviceId).stream().filter(Enrollment::isEnrolled).toList();
  }

  private Enrollment lockOrCreate(UUID id) {
    return lockOrCreate(id, enrollment -> {});
  }

  /**
   * The enrolment locked, with the change applied: a stored one is changed in place, a new one
   * before its insert.
   */
  private Enrollment lockOrCreate(UUID id, Consumer<Enrollment> change) {
    Optional<Enrollment> stored = enrollments.lockById(id);
    if (stored.isPresent()) {
      change.accept(stored.get());
      return stored.get();
    }
    Enrollment created = new Enrollment(id);
    change.accept(created);
    // Insert now so that a concurrent first event for the same id fails on the key and is retried,
    // instead of both creating the row.
    return enrollments.saveAndFlush(created);
  }
}
