package org.mhaqi.enrollment.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Whose objects a caller reaches: a trust member only their own organisation's, by ODS code. */
class OrganisationScopeTest {

  private final OrganisationRepository repository = mock(OrganisationRepository.class);
  private final OrganisationScope scope = new OrganisationScope(repository);
  private final Organisation cumbria =
      new Organisation(
          UUID.randomUUID(),
          "RX4",
          "Cumbria",
          ProviderType.NHS_TRUST,
          Region.NORTH_EAST_AND_YORKSHIRE);

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void anAdministratorAndAnAnalystSeeEveryOrganisation() {
    for (String role : List.of("ADMIN", "ANALYST")) {
      signIn(Map.of("roles", List.of(role)));
      assertThat(scope.limitedTo()).isEmpty();
      assertThat(scope.includes(UUID.randomUUID())).isTrue();
    }
    // An administrator who is also a trust member is not limited either.
    signIn(Map.of("roles", List.of("ADMIN", "TRUST_MEMBER"), "organisation", "RX4"));
    assertThat(scope.limitedTo()).isEmpty();
  }

  @Test
  void aTrustMemberIsLimitedToTheOrganisationOfTheirTokensOdsCodeInAnyCase() {
    when(repository.findByOdsCode("RX4")).thenReturn(Optional.of(cumbria));
    signIn(Map.of("roles", List.of("TRUST_MEMBER"), "organisation", "rx4"));
    assertThat(scope.limitedTo()).contains(cumbria.getId());
    assertThat(scope.includes(cumbria.getId())).isTrue();
    assertThat(scope.includes(UUID.randomUUID())).isFalse();
  }

  @Test
  void aTrustMemberOfAnUnknownOrNoOrganisationSeesNothing() {
    when(repository.findByOdsCode("RYG")).thenReturn(Optional.empty());
    signIn(Map.of("roles", List.of("TRUST_MEMBER"), "organisation", "RYG"));
    assertThat(scope.limitedTo()).contains(OrganisationScope.NO_ORGANISATION);
    assertThat(scope.includes(cumbria.getId())).isFalse();

    signIn(Map.of("roles", List.of("TRUST_MEMBER")));
    assertThat(scope.limitedTo()).contains(OrganisationScope.NO_ORGANISATION);
    assertThat(scope.includes(cumbria.getId())).isFalse();
  }

  private static void signIn(Map<String, Object> claims) {
    Jwt.Builder jwt =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("someone")
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60));
    claims.forEach(jwt::claim);
    SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt.build()));
  }
}
