package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformSettingsTest {

  @Test
  void defaultsAreTheDocumentedPortsAndDatabases() {
    PlatformSettings settings = PlatformSettings.from(Path.of("/checkout"), Map.of());

    assertThat(settings.kafkaPort()).isEqualTo(9092);
    assertThat(settings.kafkaControllerPort()).isEqualTo(9093);
    assertThat(settings.services())
        .extracting(PlatformSettings.Service::port)
        .containsExactly(8081, 8082, 8083, 8084);
    assertThat(settings.databases())
        .containsExactly("enrollment", "coaching", "evaluation", "notification");
    assertThat(settings.smtpPort()).isEqualTo(3025);
    assertThat(settings.mailApiUrl()).isEqualTo("http://127.0.0.1:8025");
    assertThat(settings.stateFile()).isEqualTo(Path.of("/checkout/.run/state/platform.properties"));
    assertThat(settings.authUrl()).isEqualTo("http://127.0.0.1:9000");
    assertThat(settings.authJar())
        .isEqualTo(Path.of("/checkout/authorization-server/target/authorization-server.jar"));
    assertThat(settings.authSigningKey()).isEqualTo(Path.of("/checkout/.run/auth/signing-key.pem"));
    assertThat(settings.programmeConsoleUrl()).isEqualTo("http://127.0.0.1:8080");
    assertThat(settings.programmeConsoleJar())
        .isEqualTo(Path.of("/checkout/programme-console/target/programme-console.jar"));
  }

  @Test
  void theProgrammeConsoleTakesItsPortFromItsVariable() {
    PlatformSettings settings =
        PlatformSettings.from(Path.of("/other"), Map.of("PROGRAMME_CONSOLE_PORT", "31080"));

    assertThat(settings.programmeConsoleUrl()).isEqualTo("http://127.0.0.1:31080");
  }

  @Test
  void aSecondCheckoutTakesOtherPortsAndPrefixedDatabases() {
    PlatformSettings settings =
        PlatformSettings.from(
            Path.of("/other"),
            Map.of(
                "ENROLLMENT_PORT", "18081",
                "KAFKA_PORT", "19092",
                "AUTH_PORT", "19000",
                "DATABASE_PREFIX", "lch_",
                "EVALUATION_DATABASE", "eval_two"));

    assertThat(settings.service("enrollment").port()).isEqualTo(18081);
    assertThat(settings.service("coaching-service").port()).isEqualTo(8082);
    assertThat(settings.kafkaPort()).isEqualTo(19092);
    // The authorization server's URL is the issuer the services are told to trust.
    assertThat(settings.authUrl()).isEqualTo("http://127.0.0.1:19000");
    assertThat(settings.databases())
        .containsExactly("lch_enrollment", "lch_coaching", "eval_two", "lch_notification");
  }

  @Test
  void servicesRunTheSerialCollectorFromASmallHeapUnlessServiceJavaOptsSaysOtherwise() {
    PlatformSettings defaults = PlatformSettings.from(Path.of("/checkout"), Map.of());
    PlatformSettings own =
        PlatformSettings.from(Path.of("/checkout"), Map.of("SERVICE_JAVA_OPTS", "-XX:+UseG1GC"));

    assertThat(defaults.serviceJavaOptions()).containsExactly("-XX:+UseSerialGC", "-Xms64m");
    // A collector of one's own replaces the default instead of conflicting with it.
    assertThat(own.serviceJavaOptions()).containsExactly("-XX:+UseG1GC");
  }

  @Test
  void theSmallJvmsKeepTheirOwnOptionsWhateverTheServicesAreGiven() {
    PlatformSettings settings =
        PlatformSettings.from(Path.of("/checkout"), Map.of("SERVICE_JAVA_OPTS", "-XX:+UseG1GC"));

    assertThat(settings.authJavaOptions())
        .containsExactly("-Xmx128m", "-XX:+UseSerialGC", "-Xms16m", "-XX:TieredStopAtLevel=1");
    assertThat(settings.consoleJavaOptions())
        .containsExactly("-Xmx192m", "-XX:+UseSerialGC", "-Xms16m", "-XX:TieredStopAtLevel=1");
    assertThat(settings.loaderJavaOptions())
        .endsWith("-Xmx128m", "-XX:+UseSerialGC", "-Xms16m", "-XX:TieredStopAtLevel=1")
        .doesNotContain("-XX:+UseG1GC");
  }
}
