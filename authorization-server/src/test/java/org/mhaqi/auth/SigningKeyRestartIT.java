package org.mhaqi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * With a key file the server creates it on first start and signs with the same key after a restart
 * (same kid and modulus), so tokens issued before the restart still verify.
 */
class SigningKeyRestartIT {

  private static final String ISSUER = "http://auth.test";

  @TempDir Path dir;

  @Test
  void theKeyFileIsCreatedOnceAndReusedAfterARestart() throws Exception {
    Path keyFile = dir.resolve("auth").resolve("signing-key.pem");

    JsonNode first;
    String tokenBeforeRestart;
    try (ConfigurableApplicationContext server = start(keyFile)) {
      TokenClient client = new TokenClient(port(server));
      first = client.get("/oauth2/jwks").path("keys").get(0);
      tokenBeforeRestart =
          TokenClient.accessToken(client.clientCredentials("demo-admin", "demo-admin-secret"));
    }
    assertThat(keyFile).exists();
    assertThat(Files.readString(keyFile)).startsWith("-----BEGIN PRIVATE KEY-----");

    try (ConfigurableApplicationContext server = start(keyFile)) {
      TokenClient client = new TokenClient(port(server));
      JsonNode second = client.get("/oauth2/jwks").path("keys").get(0);

      assertThat(second.path("kid").asString()).isEqualTo(first.path("kid").asString());
      assertThat(second.path("n").asString()).isEqualTo(first.path("n").asString());
      assertThat(client.verify(tokenBeforeRestart, ISSUER).getSubject()).isEqualTo("demo-admin");
    }
  }

  @Test
  void withoutAKeyFileEveryStartHasItsOwnKey() {
    String first;
    try (ConfigurableApplicationContext server = start(null)) {
      first =
          new TokenClient(port(server))
              .get("/oauth2/jwks")
              .path("keys")
              .get(0)
              .path("kid")
              .asString();
    }
    try (ConfigurableApplicationContext server = start(null)) {
      String second =
          new TokenClient(port(server))
              .get("/oauth2/jwks")
              .path("keys")
              .get(0)
              .path("kid")
              .asString();
      assertThat(second).isNotEqualTo(first);
    }
  }

  @Test
  void theKeyFileIsReadableByItsOwnerOnly() throws Exception {
    Path keyFile = dir.resolve("signing-key.pem");
    try (ConfigurableApplicationContext server = start(keyFile)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
          .isEqualTo("rw-------");
    }
  }

  private static ConfigurableApplicationContext start(Path keyFile) {
    SpringApplicationBuilder app =
        new SpringApplicationBuilder(AuthorizationServerApplication.class);
    // Arguments, which outrank application.yml (default properties would not).
    return app.run(
        "--server.port=0",
        "--mhaqi.auth.issuer=" + ISSUER,
        "--mhaqi.auth.key-file=" + (keyFile == null ? "" : keyFile.toString()));
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
