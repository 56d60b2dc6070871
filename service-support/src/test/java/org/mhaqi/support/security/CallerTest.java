package org.mhaqi.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which organisation's objects a caller reaches, from their token's roles and organisation. */
class CallerTest {

  @Test
  void aTrustMemberIsScopedToTheirOrganisationInAnyCase() {
    Caller trust = new Caller("t", Set.of(Role.TRUST_MEMBER), "rx4", null);
    assertThat(trust.isOrganisationScoped()).isTrue();
    assertThat(trust.odsCodeFilter()).isEqualTo("RX4");
    assertThat(trust.maySee("RX4")).isTrue();
    assertThat(trust.maySee("RYG")).isFalse();
  }

  @Test
  void aTrustMemberWithoutAnOrganisationSeesNone() {
    Caller trust = new Caller("t", Set.of(Role.TRUST_MEMBER), null, null);
    assertThat(trust.odsCodeFilter()).isEmpty();
    assertThat(trust.maySee("RX4")).isFalse();
  }

  @Test
  void administratorsAndOtherRolesAreNotScopedByOrganisation() {
    for (Caller caller :
        Set.of(
            new Caller("a", Set.of(Role.ADMIN, Role.TRUST_MEMBER), "RX4", null),
            new Caller("n", Set.of(Role.ANALYST), null, null),
            Caller.SYSTEM)) {
      assertThat(caller.isOrganisationScoped()).as(caller.subject()).isFalse();
      assertThat(caller.odsCodeFilter()).as(caller.subject()).isNull();
      assertThat(caller.maySee("RYG")).as(caller.subject()).isTrue();
    }
  }
}
