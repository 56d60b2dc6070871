package org.mhaqi.coaching.messaging;

import org.mhaqi.coaching.enrolment.Enrolment;
import org.mhaqi.coaching.enrolment.Enrolments;
import org.mhaqi.coaching.plan.Plans;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.ProjectTeamUpdated;
import org.mhaqi.events.enrollment.ServiceEnrolled;
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

  private final Enrolments enrolments;
  private final Plans plans;

  EnrollmentEventHandler(Enrolments enrolments, Plans plans) {
    this.enrolments = enrolments;
    this.plans = plans;
  }

  void enrolled(ServiceEnrolled event, EventEnvelope envelope) {
    if (event.enrollmentId() == null
        || event.serviceId() == null
        || event.phaseId() == null
        || event.coachingStartsOn() == null
        || event.coachingEndsOn() == null
        || event.coachingEndsOn().isBefore(event.coachingStartsOn())) {
      throw new PoisonEventException(
          envelope + " lacks the enrolment, service, phase or a valid coaching window: " + event);
    }
    Enrolment enrolment = enrolments.enrolled(event);
    plans.planFor(enrolment);
  }

  void withdrawn(EnrollmentWithdrawn event, EventEnvelope envelope) {
    if (event.enrollmentId() == null || event.withdrawnAt() == null) {
      throw new PoisonEventException(envelope + " lacks the enrolment or the time: " + event);
    }
    Enrolments.Withdrawal withdrawal =
        enrolments.withdrawn(event.enrollmentId(), event.withdrawnAt(), event.reason());
    if (!withdrawal.enrolment().isEnrolled()) {
      log.info(
          "Withdrawal of enrolment {} arrived before its enrolment; kept until the plan is made",
          event.enrollmentId());
      return;
    }
    plans.withdraw(event.enrollmentId(), event.withdrawnAt(), event.reason());
  }

  void teamUpdated(ProjectTeamUpdated event, EventEnvelope envelope) {
    if (event.enrollmentId() == null || event.updatedAt() == null) {
      throw new PoisonEventException(envelope + " lacks the enrolment or the time: " + event);
    }
    // A null list never gets here: the contract record refuses it and the consumer names the field.
    for (int i = 0; i < event.members().size(); i++) {
      ProjectTeamUpdated.Member member = event.members().get(i);
      if (member.memberId() == null || member.role() == null) {
        throw new PoisonEventException(
            envelope + " lacks the id or role of members[" + i + "]: " + member);
      }
    }
    enrolments.teamUpdated(event);
  }
}
