package org.mhaqi.console.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.console.api.FieldError;

class TeamFormsTest {

  @Test
  void aMemberNeedsARoleANameAndAnEmailAddress() {
    assertThat(TeamForms.member(Map.of("role", "ASTRONAUT", "email", "not-an-address")).errors())
        .containsExactly(
            new FieldError("role", null, "Select the member's role in the project team"),
            new FieldError("name", null, "Enter the member's full name"),
            new FieldError(
                "email", null, "Enter an e-mail address in the right format, like name@nhs.net"));
    assertThat(
            TeamForms.member(
                    Map.of(
                        "role",
                        "LIVED_EXPERIENCE_PARTNER",
                        "name",
                        " Sam Partner ",
                        "email",
                        "sam@nhs.net"))
                .body())
        .containsEntry("role", "LIVED_EXPERIENCE_PARTNER")
        .containsEntry("name", "Sam Partner")
        .containsEntry("email", "sam@nhs.net");
    assertThat(
            TeamForms.member(Map.of("role", "QI_LEAD", "name", "x".repeat(201), "email", "a@b.nhs"))
                .errors())
        .extracting(FieldError::field)
        .containsExactly("name");
  }

  @Test
  void theCommitmentNeedsTheSponsorAndAllThreeBackings() {
    UUID sponsor = UUID.randomUUID();
    assertThat(
            TeamForms.commitment(
                    Map.of(
                        "sponsor",
                        "nobody",
                        "organisationInvolvement",
                        "yes",
                        "teamChangeIdeas",
                        "yes"))
                .errors())
        .extracting(FieldError::field)
        .containsExactly("sponsor", "organisationInvolvement");
    assertThat(
            TeamForms.commitment(
                    Map.of(
                        "sponsor",
                        sponsor.toString(),
                        "organisationInvolvement",
                        "yes",
                        "teamChangeIdeas",
                        "yes",
                        "proportionateDataCollection",
                        "yes"))
                .body())
        .containsEntry("sponsorMemberId", sponsor.toString())
        .containsEntry("organisationInvolvement", true)
        .containsEntry("teamChangeIdeas", true)
        .containsEntry("proportionateDataCollection", true);
  }

  @Test
  void interestNamesAServiceAndAPhase() {
    UUID service = UUID.randomUUID();
    UUID phase = UUID.randomUUID();
    assertThat(TeamForms.interest(Map.of("service", service.toString())).errors())
        .containsExactly(new FieldError("phase", null, "Select the phase"));
    assertThat(
            TeamForms.interest(Map.of("service", service.toString(), "phase", phase.toString()))
                .body())
        .containsEntry("serviceId", service.toString())
        .containsEntry("phaseId", phase.toString());
  }

  @Test
  void theServicesFieldsLeadBackToTheFormsFields() {
    assertThat(TeamForms.memberField("email").id()).isEqualTo("email");
    assertThat(TeamForms.commitmentField("sponsorMemberId").id()).isEqualTo("sponsor");
    assertThat(TeamForms.commitmentField("teamChangeIdeas").id())
        .isEqualTo("organisationInvolvement");
    assertThat(TeamForms.interestField("serviceId").id()).isEqualTo("service");
    assertThat(TeamForms.interestField("phaseId").id()).isEqualTo("phase");
    assertThat(TeamForms.interestField(null).id()).isNull();
  }
}
