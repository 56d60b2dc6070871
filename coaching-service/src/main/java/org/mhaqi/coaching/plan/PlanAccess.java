package org.mhaqi.coaching.plan;

import java.util.List;
import java.util.UUID;
import org.mhaqi.coaching.coach.Coaches;
import org.mhaqi.coaching.enrollment.Enrollment;
import org.mhaqi.coaching.enrollment.Enrollments;
import org.mhaqi.support.security.Caller;
import org.mhaqi.support.security.Callers;
import org.mhaqi.support.security.Role;
import org.mhaqi.support.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Which plans and sessions the caller reaches. Which operations a role may call at all is decided
 * by the service's ApiAccess; here, which objects: an administrator and an analyst (read-only
 * operations only) any, a coach the sessions they coach, a trust member their organisation's (the
 * token's organisation against the enrolment's ODS code). Anything else does not exist for them:
 * 404, not 403, so an id tells nothing.
 */
@Component
class PlanAccess {

  private final SessionRepository sessions;
  private final Enrollments enrollments;
  private final Coaches coaches;

  PlanAccess(SessionRepository sessions, Enrollments enrollments, Coaches coaches) {
    this.sessions = sessions;
    this.enrollments = enrollments;
    this.coaches = coaches;
  }

  /** A session the caller may read: coached by them, or of their organisation. */
  CoachingSession readable(UUID sessionId) {
    CoachingSession session = sessions.existing(sessionId);
    Caller caller = Callers.current();
    if (caller.isAdmin()
        || caller.has(Role.ANALYST)
        || coachesIt(caller, session)
        || ofTheirOrganisation(caller, session.getPlan().getEnrollmentId())) {
      return session;
    }
    throw new NotFoundException("session", sessionId);
  }

  /** A session the caller may change: an administrator any, a coach the ones they coach. */
  CoachingSession changeable(UUID sessionId) {
    CoachingSession session = sessions.existing(sessionId);
    Caller caller = Callers.current();
    if (caller.isAdmin() || coachesIt(caller, session)) {
      return session;
    }
    throw new NotFoundException("session", sessionId);
  }

  /** The enrolment named in the path, if the caller may see its plan. */
  Enrollment visibleEnrollment(UUID enrollmentId) {
    Enrollment enrollment = enrollments.enrollment(enrollmentId);
    if (!Callers.current().maySee(enrollment.getOdsCode())) {
      throw new NotFoundException("enrollment", enrollmentId);
    }
    return enrollment;
  }

  /** Checks the service named in the path is enrolled and, for a trust member, theirs. */
  void requireVisibleService(UUID serviceId) {
    List<Enrollment> enrolled = enrollments.ofService(serviceId);
    Caller caller = Callers.current();
    if (enrolled.isEmpty() || enrolled.stream().noneMatch(e -> caller.maySee(e.getOdsCode()))) {
      throw new NotFoundException("enrolled service", serviceId);
    }
  }

  /**
   * The organisation (ODS code) lists are limited to, for a trust member; null for callers who see
   * every organisation's. A trust member whose token names no organisation sees nothing.
   */
  String organisationFilter() {
    return Callers.current().odsCodeFilter();
  }

  private boolean coachesIt(Caller caller, CoachingSession session) {
    return caller.has(Role.COACH)
        && session.getCoachId() != null
        && coaches.callersCoachIds().contains(session.getCoachId());
  }

  private boolean ofTheirOrganisation(Caller caller, UUID enrollmentId) {
    return caller.has(Role.TRUST_MEMBER)
        && caller.organisation() != null
        && caller
            .organisation()
            .equalsIgnoreCase(enrollments.enrollment(enrollmentId).getOdsCode());
  }
}
