package org.mhaqi.enrollment.team;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mhaqi.enrollment.enrollment.Enrollment;
import org.mhaqi.enrollment.enrollment.EnrollmentFreeText;
import org.mhaqi.enrollment.enrollment.Enrollments;
import org.mhaqi.events.enrollment.ProjectTeamUpdated;
import org.mhaqi.events.enrollment.TeamMemberErased;
import org.mhaqi.events.enrollment.TeamRole;
import org.mhaqi.support.redaction.FreeTextRedaction;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.Paging;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds and removes project team members and erases their personal data. Each change of the team
 * publishes {@link ProjectTeamUpdated} with member ids and roles only, and the team's next
 * revision, counted on the enrolment under its row lock.
 */
@Service
@Transactional
public class ProjectTeams {

  private final TeamMemberRepository members;
  private final Enrollments enrollments;
  private final EnrollmentFreeText freeText;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ProjectTeams(
      TeamMemberRepository members,
      Enrollments enrollments,
      EnrollmentFreeText freeText,
      ApplicationEventPublisher events,
      Clock clock) {
    this.members = members;
    this.enrollments = enrollments;
    this.freeText = freeText;
    this.events = events;
    this.clock = clock;
  }

  public TeamMember add(UUID enrollmentId, TeamRole role, String name, String email) {
    Enrollment enrollment = openEnrollment(enrollmentId);
    TeamMember member =
        members.save(
            new TeamMember(enrollmentId, role, name.strip(), email.strip(), clock.instant()));
    announce(enrollment);
    return member;
  }

  public void remove(UUID enrollmentId, UUID memberId) {
    Enrollment enrollment = openEnrollment(enrollmentId);
    TeamMember member = member(enrollmentId, memberId);
    member.remove(clock.instant());
    members.save(member);
    announce(enrollment);
  }

  /**
   * Erases a person's name and e-mail address wherever this service holds them: the member record,
   * and every mention in the enrolments' free text (reasons, recorded actors), all in one
   * transaction; then announces {@link TeamMemberErased} (ids only) through the outbox, in the same
   * transaction, so other services drop their copies. A trust member erases members of their own
   * organisation's teams only. Erasing again changes and announces nothing.
   */
  public TeamMember erase(UUID memberId) {
    TeamMember member =
        members
            .findById(memberId)
            .filter(m -> enrollments.isVisible(m.getEnrollmentId()))
            .orElseThrow(() -> new NotFoundException("team member", memberId));
    if (member.isErased()) {
      return member;
    }
    List<String> personalData = member.personalData();
    Instant now = clock.instant();
    member.erase(now);
    members.save(member);
    personalData.stream()
        .filter(text -> text.length() >= FreeTextRedaction.SHORTEST)
        .forEach(freeText::redact);
    events.publishEvent(new TeamMemberErased(member.getId(), member.getEnrollmentId(), now));
    return member;
  }

  /** In the order members were added, then id. */
  @Transactional(readOnly = true)
  public Page<TeamMember> team(UUID enrollmentId, Pageable pageable) {
    enrollments.enrollment(enrollmentId);
    return members.findByEnrollmentId(
        enrollmentId, Paging.inOrder(pageable, Sort.by("addedAt", "id")));
  }

  private TeamMember member(UUID enrollmentId, UUID memberId) {
    return members
        .findById(memberId)
        .filter(m -> m.getEnrollmentId().equals(enrollmentId))
        .orElseThrow(() -> new NotFoundException("team member", memberId));
  }

  private Enrollment openEnrollment(UUID enrollmentId) {
    Enrollment enrollment = enrollments.lock(enrollmentId);
    if (!enrollment.getStatus().isOpen()) {
      throw RuleViolationException.conflict(
          "enrollment-closed",
          "enrollmentId",
          "The project team of a " + enrollment.getStatus() + " enrolment cannot change");
    }
    return enrollment;
  }

  private void announce(Enrollment enrollment) {
    Instant now = clock.instant();
    List<ProjectTeamUpdated.Member> current =
        members.findByEnrollmentIdOrderByAddedAtAscIdAsc(enrollment.getId()).stream()
            .filter(TeamMember::isCurrent)
            .map(m -> new ProjectTeamUpdated.Member(m.getId(), m.getRole()))
            .toList();
    long revision = enrollment.recordTeamChange();
    events.publishEvent(
        new ProjectTeamUpdated(
            enrollment.getId(), enrollment.getServiceId(), current, now, revision));
  }
}
