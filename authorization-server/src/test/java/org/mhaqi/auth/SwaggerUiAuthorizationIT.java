package org.mhaqi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A person authorizes a service's Swagger UI as the browser does it: the authorization request
 * (PKCE) leads to the login form, the user signs in, the code comes back to Swagger UI's redirect
 * page and is exchanged for a token with the user's claims.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "mhaqi.auth.issuer=" + SwaggerUiAuthorizationIT.ISSUER)
class SwaggerUiAuthorizationIT {

  static final String ISSUER = "http://auth.test";
  private static final String REDIRECT = "http://127.0.0.1:8082/swagger-ui/oauth2-redirect.html";

  @LocalServerPort int port;

  private final HttpClient browser =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Test
  void aSignedInCoachGetsATokenWithTheirEmail() throws Exception {
    Jwt jwt = authorizeAs("coach", "coach");

    assertThat(jwt.getSubject()).isEqualTo("coach");
    assertThat(jwt.getAudience()).contains("mhaqi-api");
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("COACH");
    assertThat(jwt.getClaimAsString("email")).isEqualTo("demo.coach.a@example.nhs.uk");
    assertThat(jwt.getClaimAsString("organisation")).isNull();
  }

  @Test
  void aSignedInTrustMemberGetsATokenWithTheirOrganisation() throws Exception {
    Jwt jwt = authorizeAs("trust", "trust");

    assertThat(jwt.getSubject()).isEqualTo("trust");
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("TRUST_MEMBER");
    assertThat(jwt.getClaimAsString("organisation")).isEqualTo("RX4");
  }

  @Test
  void aWrongPasswordGivesNoCode() throws Exception {
    String base = "http://127.0.0.1:" + port;
    get(authorizeUrl(base, "challenge-of-at-least-43-characters-xxxxxxxxxxxxxx"));
    HttpResponse<String> login = signIn(base, "coach", "wrong");

    assertThat(login.headers().firstValue("Location").orElse("")).contains("/login?error");
  }

  @Test
  void theProgrammeConsoleIsRefusedACodeWithoutPkce() throws Exception {
    String console = "http://127.0.0.1:8080/login/oauth2/code/programme-console";
    HttpResponse<String> authorize =
        get(
            "http://127.0.0.1:"
                + port
                + "/oauth2/authorize?response_type=code&client_id=programme-console&state=st4te"
                + "&redirect_uri="
                + URLEncoder.encode(console, StandardCharsets.UTF_8));

    assertThat(authorize.statusCode()).isEqualTo(302);
    assertThat(authorize.headers().firstValue("Location").orElseThrow())
        .startsWith(console)
        .contains("error=invalid_request");
  }

  private Jwt authorizeAs(String user, String password) throws Exception {
    String base = "http://127.0.0.1:" + port;
    String verifier = "verifier-" + "x".repeat(40) + user;
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));

    HttpResponse<String> authorize = get(authorizeUrl(base, challenge));
    assertThat(authorize.statusCode()).isEqualTo(302);
    assertThat(authorize.headers().firstValue("Location").orElseThrow()).endsWith("/login");

    HttpResponse<String> signedIn = signIn(base, user, password);
    assertThat(signedIn.statusCode()).isEqualTo(302);
    // Back to the saved authorization request, which now answers with the code.
    HttpResponse<String> resumed = get(resolve(base, signedIn));
    assertThat(resumed.statusCode()).isEqualTo(302);
    String location = resumed.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(REDIRECT).contains("state=st4te");
    Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
    assertThat(code.find()).isTrue();

    TokenClient client = new TokenClient(port);
    HttpResponse<String> token =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    form(
                        Map.of(
                            "grant_type",
                            "authorization_code",
                            "code",
                            URLDecoder.decode(code.group(1), StandardCharsets.UTF_8),
                            "redirect_uri",
                            REDIRECT,
                            "client_id",
                            "swagger-ui",
                            "code_verifier",
                            verifier)))
                .build());
    return client.verify(TokenClient.accessToken(token), ISSUER);
  }

  private String authorizeUrl(String base, String challenge) {
    return base
        + "/oauth2/authorize?response_type=code&client_id=swagger-ui&state=st4te&redirect_uri="
        + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
        + "&code_challenge="
        + challenge
        + "&code_challenge_method=S256";
  }

  private HttpResponse<String> signIn(String base, String user, String password) throws Exception {
    HttpResponse<String> page = get(base + "/login");
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
    assertThat(csrf.find()).as("the login form has a CSRF token").isTrue();
    return browser.send(
        HttpRequest.newBuilder(URI.create(base + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(form(Map.of("username", user, "password", password, "_csrf", csrf.group(1))))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String resolve(String base, HttpResponse<String> redirect) {
    return URI.create(base + "/")
        .resolve(redirect.headers().firstValue("Location").orElseThrow())
        .toString();
  }

  private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
    return HttpRequest.BodyPublishers.ofString(
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&")));
  }
}
