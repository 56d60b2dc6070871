package org.mhaqi.console.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhaqi.console.signin.ConsoleUser;

class RoleHomeTest {

  @Test
  void aTrustMemberIsOfferedTheirOrganisationAndItsDataReturns() {
    RoleHome home = RoleHome.of(new ConsoleUser("trust", List.of("TRUST_MEMBER"), "RX4", null));

    assertThat(home.sections())
        .extracting(RoleHome.Section::heading)
        .containsExactly("Your organisation");
    assertThat(home.sections().get(0).actions())
        .extracting(RoleHome.Action::href)
        .containsOnly("/organisation", "/enrollments");
  }

  @Test
  void aCoachIsOfferedTheirSessionsAndDaysAway() {
    RoleHome home =
        RoleHome.of(new ConsoleUser("coach", List.of("COACH"), null, "coach@example.nhs.uk"));

    assertThat(home.sections())
        .extracting(RoleHome.Section::heading)
        .containsExactly("Your coaching");
    assertThat(home.sections().get(0).actions())
        .extracting(RoleHome.Action::href)
        .containsExactly("/sessions", "/days-away");
  }

  @Test
  void anAdministratorSeesTheProgrammeAndTheReports() {
    RoleHome home = RoleHome.of(new ConsoleUser("admin", List.of("ADMIN"), null, null));

    assertThat(home.sections())
        .extracting(RoleHome.Section::heading)
        .containsExactly("Running the programme", "Reports");
    assertThat(home.sections().get(0).actions())
        .extracting(RoleHome.Action::href)
        .containsExactly("/programme", "/organisations", "/coaches", "/staffing", "/returns-owed");
    assertThat(home.sections().get(1).actions())
        .extracting(RoleHome.Action::href)
        .containsExactly("/analysis");
  }

  @Test
  void anAccountWithoutARoleIsToldWhomToAsk() {
    RoleHome home = RoleHome.of(new ConsoleUser("nobody", List.of(), null, null));

    assertThat(home.sections()).isEmpty();
    assertThat(home.greeting()).contains("Ask the central team");
  }
}
