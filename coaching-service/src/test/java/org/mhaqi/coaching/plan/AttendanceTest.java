package org.mhaqi.coaching.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.mhaqi.coaching.enrollment.TeamMember;
import org.mhaqi.events.enrollment.TeamRole;
import org.mhaqi.support.web.RuleViolationException;

/** Attendance is consistent with itself and with the project team it is reported against. */
class AttendanceTest {

  private final UUID lead = new UUID(0, 1);
  private final UUID nurse = new UUID(0, 2);
  private final UUID assistant = new UUID(0, 3);
  private final UUID partner = new UUID(0, 4);
  private final List<TeamMember> team =
      List.of(
          new TeamMember(lead, TeamRole.SERVICE_LEAD),
          new TeamMember(nurse, TeamRole.FRONTLINE_STAFF),
          new TeamMember(assistant, TeamRole.FRONTLINE_STAFF),
          new TeamMember(partner, TeamRole.LIVED_EXPERIENCE_PARTNER));

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      Runnable report, String code, String field) {
    return assertThatThrownBy(report::run)
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.status().value()).isEqualTo(422);
            });
  }

  @Test
  void reportedAttendanceNamesEachMemberWithTheirRoleInTheTeam() {
    Attendance attendance =
        Attendance.reported(
            Map.of(
                TeamRole.SERVICE_LEAD, 1,
                TeamRole.FRONTLINE_STAFF, 2,
                TeamRole.LIVED_EXPERIENCE_PARTNER, 1),
            List.of(nurse, lead, assistant, partner),
            true,
            team);

    assertThat(attendance.attendees())
        .containsExactlyInAnyOrder(
            new Attendee(lead, TeamRole.SERVICE_LEAD),
            new Attendee(nurse, TeamRole.FRONTLINE_STAFF),
            new Attendee(assistant, TeamRole.FRONTLINE_STAFF),
            new Attendee(partner, TeamRole.LIVED_EXPERIENCE_PARTNER));
    assertThat(attendance.byRole())
        .containsOnly(
            Map.entry(TeamRole.SERVICE_LEAD, 1),
            Map.entry(TeamRole.FRONTLINE_STAFF, 2),
            Map.entry(TeamRole.LIVED_EXPERIENCE_PARTNER, 1));
    assertThat(attendance.livedExperiencePartnerTookPart()).isTrue();
  }

  @Test
  void noRoleCountsMorePeopleThanTheTeamHas() {
    Attendance.reported(Map.of(TeamRole.FRONTLINE_STAFF, 2), List.of(), false, team);

    assertRefused(
            () -> Attendance.reported(Map.of(TeamRole.FRONTLINE_STAFF, 3), List.of(), false, team),
            "attendance-above-team-size",
            "attendance.FRONTLINE_STAFF")
        .hasMessage("3 FRONTLINE_STAFF attendees, but the project team has 2");
    assertRefused(
            () -> Attendance.reported(Map.of(TeamRole.QI_LEAD, 1), List.of(), false, team),
            "attendance-above-team-size",
            "attendance.QI_LEAD")
        .hasMessage("1 QI_LEAD attendees, but the project team has 0");
  }

  @Test
  void aNamedAttendeeIsAMemberOfTheTeam() {
    UUID stranger = new UUID(0, 99);

    assertRefused(
            () ->
                Attendance.reported(
                    Map.of(TeamRole.SERVICE_LEAD, 1), List.of(lead, stranger), false, team),
            "unknown-team-member",
            "attendeeMemberIds[1]")
        .hasMessage(stranger + " is not a member of the enrollment's project team");
  }

  @Test
  void aMemberIsNamedOnce() {
    assertRefused(
            () ->
                Attendance.reported(
                    Map.of(TeamRole.FRONTLINE_STAFF, 2), List.of(nurse, nurse), false, team),
            "duplicate-attendee",
            "attendeeMemberIds[1]")
        .hasMessage(nurse + " is listed twice");
  }

  @Test
  void noRoleNamesMoreMembersThanItCounts() {
    new Attendance(
        Map.of(TeamRole.FRONTLINE_STAFF, 2),
        Set.of(
            new Attendee(nurse, TeamRole.FRONTLINE_STAFF),
            new Attendee(assistant, TeamRole.FRONTLINE_STAFF)),
        false);

    assertRefused(
            () ->
                Attendance.reported(
                    Map.of(TeamRole.FRONTLINE_STAFF, 1), List.of(nurse, assistant), false, team),
            "attendance-inconsistent",
            "attendance.FRONTLINE_STAFF")
        .hasMessage("2 FRONTLINE_STAFF members are listed but the count is 1");
    assertRefused(
            () ->
                new Attendance(Map.of(), Set.of(new Attendee(lead, TeamRole.SERVICE_LEAD)), false),
            "attendance-inconsistent",
            "attendance.SERVICE_LEAD")
        .hasMessage("1 SERVICE_LEAD members are listed but the count is 0");
  }

  @Test
  void theLivedExperienceFlagAgreesWithTheCountOfPartners() {
    new Attendance(Map.of(TeamRole.LIVED_EXPERIENCE_PARTNER, 1), Set.of(), true);
    new Attendance(Map.of(TeamRole.LIVED_EXPERIENCE_PARTNER, 0), Set.of(), false);

    assertRefused(
            () -> new Attendance(Map.of(TeamRole.LIVED_EXPERIENCE_PARTNER, 1), Set.of(), false),
            "lived-experience-inconsistent",
            "livedExperiencePartnerTookPart")
        .hasMessage(
            "livedExperiencePartnerTookPart must be true exactly when attendance counts a"
                + " LIVED_EXPERIENCE_PARTNER");
    assertRefused(
        () -> new Attendance(Map.of(TeamRole.SERVICE_LEAD, 1), Set.of(), true),
        "lived-experience-inconsistent",
        "livedExperiencePartnerTookPart");
  }

  @Test
  void theTeamIsCheckedBeforeTheNamesAndTheNamesBeforeTheCounts() {
    UUID stranger = new UUID(0, 99);

    assertRefused(
        () -> Attendance.reported(Map.of(TeamRole.QI_LEAD, 1), List.of(stranger), true, team),
        "attendance-above-team-size",
        "attendance.QI_LEAD");
    assertRefused(
        () -> Attendance.reported(Map.of(), List.of(stranger), true, team),
        "unknown-team-member",
        "attendeeMemberIds[0]");
  }

  @Test
  void nobodyIsNoneCountedNoneNamedAndNoPartner() {
    assertThat(Attendance.NONE.byRole()).isEmpty();
    assertThat(Attendance.NONE.attendees()).isEmpty();
    assertThat(Attendance.NONE.livedExperiencePartnerTookPart()).isFalse();
  }

  @Test
  void keepsItsOwnCopyOfWhatWasReported() {
    Map<TeamRole, Integer> byRole = new EnumMap<>(Map.of(TeamRole.SERVICE_LEAD, 1));
    Set<Attendee> attendees = new HashSet<>(Set.of(new Attendee(lead, TeamRole.SERVICE_LEAD)));
    Attendance attendance = new Attendance(byRole, attendees, false);

    byRole.put(TeamRole.QI_LEAD, 1);
    attendees.clear();

    assertThat(attendance.byRole()).containsOnly(Map.entry(TeamRole.SERVICE_LEAD, 1));
    assertThat(attendance.attendees()).hasSize(1);
  }
}
