package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docker-compose's brokers get the same ACLs as {@code ./platform}'s: docker/kafka/acls.txt, which
 * docker/kafka/start.sh feeds to kafka-acls.sh, is {@link KafkaSecurity#aclCommandLines()}. Outside
 * CI the test writes the file first (commit it); in CI a file that has fallen behind fails it.
 */
class DockerKafkaAclsTest {

  private static final Path FILE = Path.of("..", "docker", "kafka", "acls.txt");

  @Test
  void dockerComposeBrokersHaveThePlatformsAcls() throws Exception {
    String expected = render(KafkaSecurity.aclCommandLines());
    if (System.getenv("CI") == null) {
      Files.writeString(FILE, expected);
    }
    assertThat(Files.readString(FILE)).isEqualTo(expected);
  }

  @Test
  void everyLineNamesAPrincipalAnOperationAndAResource() {
    assertThat(KafkaSecurity.aclCommandLines())
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line)
                    .startsWith("--allow-principal User:")
                    .contains(" --operation ")
                    .containsPattern(" --(topic|group) [a-z]"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("--allow-principal User:analytics --operation Read")
                    .contains("--resource-pattern-type prefixed --group analytics"))
        .noneSatisfy(
            line ->
                assertThat(line)
                    .startsWith("--allow-principal User:analytics")
                    .contains("Write --topic enrollment.events"));
  }

  private static String render(List<String> lines) {
    return "# Generated from local-platform's KafkaSecurity by DockerKafkaAclsTest: do not edit.\n"
        + "# One kafka-acls.sh --add each (docker/kafka/start.sh).\n"
        + String.join("\n", lines)
        + "\n";
  }
}
