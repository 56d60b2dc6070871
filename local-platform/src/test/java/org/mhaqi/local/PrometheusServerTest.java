package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusServerTest {

  @TempDir Path dir;

  private final List<PrometheusServer.Target> targets =
      List.of(
          new PrometheusServer.Target("enrollment-service", "127.0.0.1:18081"),
          new PrometheusServer.Target("coaching-service", "127.0.0.1:18082"));

  @Test
  void scrapesEachServiceAsItsOwnJobAtItsActuatorPath() {
    String config =
        PrometheusServer.config(
            targets,
            List.of(Path.of("/repo/ops/prometheus/rules/platform-alerts.yml")),
            Duration.ofSeconds(1),
            Duration.ofMillis(500));

    assertThat(config)
        .contains("scrape_interval: 1s", "scrape_timeout: 1s", "evaluation_interval: 500ms")
        .contains("  - '/repo/ops/prometheus/rules/platform-alerts.yml'")
        .contains(
            "  - job_name: 'enrollment-service'\n"
                + "    metrics_path: /actuator/prometheus\n"
                + "    static_configs:\n"
                + "      - targets: ['127.0.0.1:18081']\n")
        .contains("  - job_name: 'coaching-service'");
  }

  @Test
  void theConfigurationIsOnePromtoolAccepts() throws Exception {
    Optional<Path> promtool = PrometheusServer.findBinary().map(p -> p.resolveSibling("promtool"));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        promtool.isPresent() && Files.isExecutable(promtool.get()), "promtool is not installed");
    Path file = dir.resolve("prometheus.yml");
    Files.writeString(
        file,
        PrometheusServer.config(
            targets,
            PrometheusServer.ruleFiles(Path.of("..", "ops", "prometheus", "rules")),
            Duration.ofSeconds(15),
            Duration.ofSeconds(15)));

    Process check =
        new ProcessBuilder(promtool.get().toString(), "check", "config", file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes());

    assertThat(check.waitFor()).as(output).isZero();
    // Every alert of the repository's rule file is loaded, however many there are.
    long alerts =
        Files.readAllLines(Path.of("..", "ops", "prometheus", "rules", "platform-alerts.yml"))
            .stream()
            .filter(line -> line.trim().startsWith("- alert:"))
            .count();
    assertThat(alerts).isGreaterThanOrEqualTo(8);
    assertThat(output)
        .contains("SUCCESS: 1 rule files found", "SUCCESS: " + alerts + " rules found");
  }

  @Test
  void everyJobScrapesWithATokenOfItsOAuth2Client() throws Exception {
    String config =
        PrometheusServer.config(
            targets,
            List.of(),
            Duration.ofSeconds(15),
            Duration.ofSeconds(15),
            new PrometheusServer.OAuth2(
                "prometheus", "it's-secret", "http://127.0.0.1:19000/oauth2/token"));

    String oauth2 =
        "    oauth2:\n"
            + "      client_id: 'prometheus'\n"
            + "      client_secret: 'it''s-secret'\n"
            + "      token_url: 'http://127.0.0.1:19000/oauth2/token'\n";
    assertThat(config)
        .contains("      - targets: ['127.0.0.1:18081']\n" + oauth2)
        .contains("      - targets: ['127.0.0.1:18082']\n" + oauth2);
    Optional<Path> promtool = PrometheusServer.findBinary().map(p -> p.resolveSibling("promtool"));
    if (promtool.isPresent() && Files.isExecutable(promtool.get())) {
      Path file = dir.resolve("prometheus.yml");
      Files.writeString(file, config);
      Process check =
          new ProcessBuilder(promtool.get().toString(), "check", "config", file.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(check.getInputStream().readAllBytes());
      assertThat(check.waitFor()).as(output).isZero();
    }
  }

  @Test
  void ruleFilesOfADirectoryAreItsYamlFilesInOrder() throws Exception {
    Files.writeString(dir.resolve("b.yml"), "groups: []\n");
    Files.writeString(dir.resolve("a.yml"), "groups: []\n");
    Files.writeString(dir.resolve("notes.txt"), "");

    assertThat(PrometheusServer.ruleFiles(dir))
        .containsExactly(dir.resolve("a.yml"), dir.resolve("b.yml"));
  }
}
