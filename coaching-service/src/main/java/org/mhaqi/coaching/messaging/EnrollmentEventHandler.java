package org.mhaqi.coaching.messaging;

import org.mhaqi.coaching.enrollment.Enrollment;
import org.mhaqi.coaching.enrollment.Enrollments;
import org.mhaqi.coaching.plan.AttendeeErasure;
import org.mhaqi.coaching.plan.PlanEndings;
import org.mhaqi.coaching.plan.PlanGeneration;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.ProjectTeamUpdated;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.TeamMemberErased;
import org.mhaqi.support.messaging.EventEnvelope;
import org.mhaqi.support.messaging.PoisonEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies enrollment-service's events, each inside the transaction that marks it processed.
 * Whatever order they come in, the outcome is the same: a withdrawal that overtakes its enrolment
 * is remembered and applied when the plan is made.
 */
@Component
class EnrollmentEventHandler {

  private static final Logger log = LoggerFactory.getLogger(EnrollmentEventHandler.class);

  private final Enrollments enrollments;
  private final PlanGeneration generation;
  private final PlanEndings endings;
  private final AttendeeErasure attendees;

  EnrollmentEventHandler(
      Enrollments enrollments,
      PlanGeneration generation,
      PlanEndings endings,
      AttendeeErasure attendees) {
    this.enrollments = enrollments;
    this.generation = generation;
    this.endings = endings;
    this.attendees = attendees;
  }

  void enrolled(ServiceEnrolled event, EventEnvelope envelope) {
    if (event.enrollmentId() == null
        || event.serviceId() == null
        || event.phaseId() == null
        || event.coachingStartsOn() == null
        || event.coachingEndsOn() == null
        || event.coachingEndsOn().isBefore(event.coachingStartsOn())) {
      throw new PoisonEventException(
          envelope + " lacks the enrollment, service, phase or a valid coaching window: " + event);
    }
    Enrollment enrollment = enrollments.enrolled(event);
    generation.planFor(enrollment);
  }

  void withdrawn(EnrollmentWithdrawn event, EventEnvelope envelope) {
    if (event.enrollmentId() == null || event.withdrawnAt() == null) {
      throw new PoisonEventException(envelope + " lacks the enrollment or the time: " + event);
    }
    Enrollments.Withdrawal withdrawal =
        enrollments.withdrawn(event.enrollmentId(), event.withdrawnAt(), event.reasonCode().name());
    if (!withdrawal.enrollment().isEnrolled()) {
      log.info(
          "Withdrawal of enrollment {} arrived before its enrollment; kept until the plan is made",
          event.enrollmentId());
      return;
    }
    endings.withdraw(event.enrollmentId(), event.withdrawnAt(), event.reasonCode().name());
  }

  void completed(EnrollmentCompleted event, EventEnvelope envelope) {
    if (event.enrollmentId() == null || event.completedAt() == null) {
      throw new PoisonEventException(envelope + " lacks the enrolment or the time: " + event);
    }
    Enrollments.Completion completion =
        enrollments.completed(event.enrollmentId(), event.completedAt());
    if (!completion.enrollment().isEnrolled()) {
      log.info(
          "Completion of enrollment {} arrived before its enrollment; kept until the plan is made",
          event.enrollmentId());
      return;
    }
    endings.completeEnrollment(event.enrollmentId(), event.completedAt());
  }

  void teamUpdated(ProjectTeamUpdated event, EventEnvelope envelope) {
    if (event.enrollmentId() == null || event.updatedAt() == null) {
      throw new PoisonEventException(envelope + " lacks the enrollment or the time: " + event);
    }
    // A null list never gets here: the contract record refuses it and the consumer names the field.
    for (int i = 0; i < event.members().size(); i++) {
      ProjectTeamUpdated.Member member = event.members().get(i);
      if (member.memberId() == null || member.role() == null) {
        throw new PoisonEventException(
            envelope + " lacks the id or role of members[" + i + "]: " + member);
      }
    }
    enrollments.teamUpdated(event);
  }

  /** Forgets the member id in the team copy and the attendance records; the roles stay. */
  void memberErased(TeamMemberErased event, EventEnvelope envelope) {
    if (event.memberId() == null || event.enrollmentId() == null || event.erasedAt() == null) {
      throw new PoisonEventException(
          envelope + " lacks the member, the enrollment or the time: " + event);
    }
    enrollments.memberErased(event);
    attendees.memberErased(event.memberId());
  }
}
