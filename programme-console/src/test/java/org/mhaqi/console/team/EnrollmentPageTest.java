package org.mhaqi.console.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnrollmentPageTest {

  static TeamApi.Member member(String role, String name, Instant removedAt) {
    return new TeamApi.Member(UUID.randomUUID(), role, name, name + "@nhs.net", removedAt, null);
  }

  @Test
  void theTeamListsCurrentMembersByRoleWithLivedExperiencePartnersMarked() {
    TeamApi.Member partner = member("LIVED_EXPERIENCE_PARTNER", "Sam", null);
    TeamApi.Member sponsor = member("EXECUTIVE_SPONSOR", "Ada", null);
    TeamApi.Member former = member("EXECUTIVE_SPONSOR", "Bo", Instant.now());
    TeamApi.Member lead = member("QI_LEAD", "Cy", null);

    List<EnrollmentPage.MemberRow> rows =
        EnrollmentPage.members(List.of(partner, former, lead, sponsor));

    assertThat(rows).extracting(EnrollmentPage.MemberRow::name).containsExactly("Ada", "Cy", "Sam");
    assertThat(rows)
        .extracting(EnrollmentPage.MemberRow::livedExperience)
        .containsExactly(false, false, true);
    assertThat(rows.get(1).role()).isEqualTo("QI lead");
    assertThat(EnrollmentPage.sponsors(List.of(partner, former, lead, sponsor)))
        .extracting(EnrollmentPage.MemberRow::id)
        .containsExactly(sponsor.id());
  }

  @Test
  void theCommitmentNamesItsSponsorAndEachBacking() {
    TeamApi.Member sponsor = member("EXECUTIVE_SPONSOR", "Ada", null);
    EnrollmentPage.CommitmentRows rows =
        EnrollmentPage.commitment(
            new TeamApi.Commitment(sponsor.id(), true, false, true, Instant.now()),
            List.of(sponsor));

    assertThat(rows.confirmed()).isTrue();
    assertThat(rows.sponsor()).isEqualTo("Ada");
    assertThat(List.of(rows.involvement(), rows.ideas(), rows.data()))
        .containsExactly("Yes", "No", "Yes");
    assertThat(EnrollmentPage.commitment(null, List.of()).confirmed()).isFalse();
    assertThat(
            EnrollmentPage.commitment(
                    new TeamApi.Commitment(UUID.randomUUID(), true, true, true, Instant.now()),
                    List.of())
                .sponsor())
        .isEqualTo("A former member");
  }

  @Test
  void thePlanSaysTheWeeklyTimeCommitmentAndTheNextScheduledSessions() {
    LocalDate today = LocalDate.of(2026, 12, 8);
    TeamApi.Session past =
        new TeamApi.Session(
            UUID.randomUUID(),
            "EXECUTIVE",
            "COACHING_SESSION",
            LocalDateTime.of(2026, 12, 7, 10, 0),
            null,
            "SCHEDULED",
            true);
    TeamApi.Session cancelled =
        new TeamApi.Session(
            UUID.randomUUID(),
            "EXECUTIVE",
            "COACHING_SESSION",
            LocalDateTime.of(2026, 12, 9, 10, 0),
            null,
            "CANCELLED",
            true);
    TeamApi.Session next =
        new TeamApi.Session(
            UUID.randomUUID(),
            "SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY",
            "IMPROVEMENT_DAY",
            LocalDateTime.of(2026, 12, 10, 9, 0),
            null,
            "SCHEDULED",
            false);
    TeamApi.Plan plan =
        new TeamApi.Plan(
            UUID.randomUUID(),
            LocalDate.of(2026, 10, 1),
            LocalDate.of(2027, 3, 31),
            LocalDate.of(2026, 11, 2),
            20,
            3,
            1,
            1.46,
            2.0,
            List.of(next, cancelled, past));

    EnrollmentPage.PlanRows rows = EnrollmentPage.plan(plan, today);

    assertThat(rows.window()).isEqualTo("2 November 2026 to 31 March 2027");
    assertThat(rows.timeCommitment())
        .startsWith("1.5 hours a week of coaching booked on average")
        .contains("about 2 hours a week of each team member");
    assertThat(rows.upcoming())
        .containsExactly(
            new EnrollmentPage.SessionRow(
                "Thursday 10 December 2026, 09:00",
                "Improvement day, service leadership and frontline delivery",
                "Coach to be confirmed"));
    assertThat(EnrollmentPage.hours(2.04)).isEqualTo("2");
  }
}
