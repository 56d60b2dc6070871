package org.mhaqi.coaching.plan;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mhaqi.coaching.enrollment.TeamMember;
import org.mhaqi.events.enrollment.TeamRole;
import org.mhaqi.support.web.RuleViolationException;

/**
 * Who attended a delivered session: people per project-team role, the members named, and whether a
 * lived-experience partner took part. It is consistent by construction: no role lists more members
 * than it counts, and the lived-experience flag agrees with the count of partners.
 *
 * @param byRole people attending per role, as reported (roles left out or zero: nobody)
 * @param attendees the members named, each with their role in the team
 */
public record Attendance(
    Map<TeamRole, Integer> byRole,
    Set<Attendee> attendees,
    boolean livedExperiencePartnerTookPart) {

  /** Nobody counted or named. */
  public static final Attendance NONE = new Attendance(Map.of(), Set.of(), false);

  public Attendance {
    byRole = Map.copyOf(byRole);
    attendees = Set.copyOf(attendees);
    for (TeamRole role : TeamRole.values()) {
      int counted = byRole.getOrDefault(role, 0);
      long listed = attendees.stream().filter(a -> a.role() == role).count();
      if (listed > counted) {
        throw RuleViolationException.unprocessable(
            "attendance-inconsistent",
            "attendance." + role,
            listed + " " + role + " members are listed but the count is " + counted);
      }
    }
    boolean partnerCounted = byRole.getOrDefault(TeamRole.LIVED_EXPERIENCE_PARTNER, 0) > 0;
    if (partnerCounted != livedExperiencePartnerTookPart) {
      throw RuleViolationException.unprocessable(
          "lived-experience-inconsistent",
          "livedExperiencePartnerTookPart",
          "livedExperiencePartnerTookPart must be true exactly when attendance counts a"
              + " LIVED_EXPERIENCE_PARTNER");
    }
  }

  /**
   * Attendance as reported, checked against the project team as enrollment-service last announced
   * it: no role above its size, and the members named are the team's, each once.
   *
   * @param memberIds the members named, in the order reported (the order names a refused one)
   */
  public static Attendance reported(
      Map<TeamRole, Integer> byRole,
      List<UUID> memberIds,
      boolean livedExperiencePartnerTookPart,
      Collection<TeamMember> team) {
    Map<TeamRole, Integer> teamSize = new EnumMap<>(TeamRole.class);
    team.forEach(m -> teamSize.merge(m.role(), 1, Integer::sum));
    for (var entry : byRole.entrySet()) {
      int size = teamSize.getOrDefault(entry.getKey(), 0);
      if (entry.getValue() > size) {
        throw RuleViolationException.unprocessable(
            "attendance-above-team-size",
            "attendance." + entry.getKey(),
            entry.getValue()
                + " "
                + entry.getKey()
                + " attendees, but the project team has "
                + size);
      }
    }
    Set<Attendee> attendees = new HashSet<>();
    for (int i = 0; i < memberIds.size(); i++) {
      UUID memberId = memberIds.get(i);
      String field = "attendeeMemberIds[" + i + "]";
      TeamRole role =
          roleOf(memberId, team)
              .orElseThrow(
                  () ->
                      RuleViolationException.unprocessable(
                          "unknown-team-member",
                          field,
                          memberId + " is not a member of the enrollment's project team"));
      if (!attendees.add(new Attendee(memberId, role))) {
        throw RuleViolationException.unprocessable(
            "duplicate-attendee", field, memberId + " is listed twice");
      }
    }
    return new Attendance(byRole, attendees, livedExperiencePartnerTookPart);
  }

  private static Optional<TeamRole> roleOf(UUID memberId, Collection<TeamMember> team) {
    return team.stream()
        .filter(m -> m.memberId().equals(memberId))
        .map(TeamMember::role)
        .findFirst();
  }
}
