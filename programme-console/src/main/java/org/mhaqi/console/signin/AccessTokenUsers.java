package org.mhaqi.console.signin;

import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Who signed in, read from the access token itself (verified with the authorization server's keys):
 * the platform's server has no user-info endpoint, and the token's claims are what the services go
 * by.
 */
final class AccessTokenUsers implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

  private final JwtDecoder decoder;

  AccessTokenUsers(JwtDecoder decoder) {
    this.decoder = decoder;
  }

  @Override
  public OAuth2User loadUser(OAuth2UserRequest request) {
    try {
      return ConsoleUser.of(decoder.decode(request.getAccessToken().getTokenValue()).getClaims());
    } catch (JwtException e) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error("invalid_token", "the access token could not be verified", null), e);
    }
  }
}
