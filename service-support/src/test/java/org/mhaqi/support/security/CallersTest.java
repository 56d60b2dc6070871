package org.mhaqi.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who the current caller is: a token's subject, nobody on a public page, the platform itself. */
class CallersTest {

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aRequestWithATokenIsItsSubjectWithItsRoles() {
    Jwt jwt =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("trust")
            .claim(Callers.ROLES_CLAIM, List.of("TRUST_MEMBER"))
            .claim(Callers.ORGANISATION_CLAIM, "RX4")
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60))
            .build();
    SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));

    Caller caller = Callers.current();

    assertThat(caller.subject()).isEqualTo("trust");
    assertThat(caller.roles()).containsExactly(Role.TRUST_MEMBER);
    assertThat(caller.organisation()).isEqualTo("RX4");
  }

  @Test
  void aRequestWithoutATokenOnAPublicPageIsNobodyNotThePlatform() {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new AnonymousAuthenticationToken(
                "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

    Caller caller = Callers.current();

    assertThat(caller).isEqualTo(Caller.ANONYMOUS);
    assertThat(caller.roles()).isEmpty();
    assertThat(caller.isAdmin()).isFalse();
  }

  @Test
  void outsideAnyRequestItIsThePlatformItself() {
    assertThat(Callers.current()).isEqualTo(Caller.SYSTEM);
  }
}
