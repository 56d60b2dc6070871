package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The ACLs follow the services' bindings: each service may read exactly the topics its
 * application.yml consumes, and write exactly their dead-letter topics as its bindings name them. A
 * binding added without its ACL would fail at run time; this says so at build time.
 */
class KafkaSecurityBindingsTest {

  private static final Pattern DESTINATION = Pattern.compile("(?m)^\\s*destination:\\s*(\\S+)");
  private static final Pattern DLQ = Pattern.compile("(?m)^\\s*dlq-name:\\s*(\\S+)");

  @Test
  void eachServiceReadsWhatItsBindingsConsumeAndNothingElse() throws Exception {
    for (KafkaSecurity.ServiceAccess access : KafkaSecurity.SERVICES) {
      String yaml = applicationYaml(access.service());

      assertThat(all(DESTINATION, yaml))
          .as(access.service() + " consumes")
          .isEqualTo(new TreeSet<>(access.reads()));
      assertThat(all(DLQ, yaml))
          .as(access.service() + "'s dead-letter topics")
          .isEqualTo(new TreeSet<>(access.deadLetterTopics()));
    }
  }

  @Test
  void everyPrincipalHasAUserAndNoServiceIsASuperUser() {
    assertThat(KafkaSecurity.users())
        .contains(KafkaSecurity.ADMIN, KafkaSecurity.ANALYTICS, KafkaSecurity.REPLAY)
        .containsAll(
            KafkaSecurity.SERVICES.stream().map(KafkaSecurity.ServiceAccess::service).toList());
    java.util.Properties config = new java.util.Properties();
    KafkaSecurity.brokerConfig(config);
    assertThat(config.getProperty("super.users")).isEqualTo("User:admin;User:controller");
  }

  private static String applicationYaml(String service) throws Exception {
    return Files.readString(Path.of("..", service, "src", "main", "resources", "application.yml"));
  }

  private static Set<String> all(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
