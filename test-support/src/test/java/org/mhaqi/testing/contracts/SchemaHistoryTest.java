package org.mhaqi.testing.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate over a real git history: a scratch repository with a committed schema. */
class SchemaHistoryTest {

  private static final String V1 =
      """
      {"type": "object", "required": ["sessionId"],
       "properties": {"sessionId": {"type": "string"}, "reason": {"type": "string"}}}
      """;

  @TempDir Path repo;

  @BeforeEach
  void aCommittedSchema() throws Exception {
    git("init", "-q");
    write("SessionCancelled.v1.schema.json", V1);
    commit("SessionCancelled v1");
  }

  @Test
  void anUnchangedOrCompatiblyChangedSchemaPasses() throws Exception {
    assertThat(gate()).isEmpty();

    write("SessionCancelled.v1.schema.json", V1.replace("\"reason\"", "\"cause\": {}, \"reason\""));
    assertThat(gate()).isEmpty();
  }

  @Test
  void aBreakingChangeFailsWhetherCommittedOrNot() throws Exception {
    write(
        "SessionCancelled.v1.schema.json", V1.replace(", \"reason\": {\"type\": \"string\"}", ""));
    assertThat(gate()).singleElement().asString().contains("$.reason: removed");

    commit("reason dropped");
    assertThat(gate())
        .as("still against the first commit")
        .singleElement()
        .asString()
        .contains("$.reason: removed");
  }

  @Test
  void aBreakingChangeAsANewVersionBesideTheOldPasses() throws Exception {
    write("SessionCancelled.v2.schema.json", V1.replace("\"reason\"", "\"reasonCode\""));
    commit("v2 with a code instead of the text");
    assertThat(gate()).isEmpty();
  }

  @Test
  void aRemovedVersionFailsUntilItIsRetired() throws Exception {
    Files.delete(schemas().resolve("SessionCancelled.v1.schema.json"));
    assertThat(gate())
        .singleElement()
        .asString()
        .startsWith("SessionCancelled.v1.schema.json: removed");

    write(
        "retired.txt", "# read by no consumer since 2027-06-01\nSessionCancelled.v1.schema.json\n");
    assertThat(gate()).isEmpty();
  }

  @Test
  void aNewEventTypeIsCompatible() throws Exception {
    write("SessionNoted.v1.schema.json", V1);
    assertThat(gate()).isEmpty();
    commit("a new type");
    assertThat(gate()).isEmpty();
  }

  @Test
  void onABranchTheSchemasOfMainsTipAreComparedToo() throws Exception {
    git("branch", "-M", "main");
    git("checkout", "-q", "-b", "feature");
    git("checkout", "-q", "main");
    write("SessionNoted.v1.schema.json", V1);
    commit("main gains a type after the branch forked");
    git("checkout", "-q", "feature");
    write(
        "SessionNoted.v1.schema.json",
        V1.replace("\"type\": \"string\"}}", "\"type\": \"integer\"}}"));
    commit("the branch adds the same type, differently");

    assertThat(new SchemaHistory(repo).breakingChanges())
        .as("the branch's own history never had main's schema")
        .isEmpty();
    assertThat(new SchemaHistory(repo, "main").breakingChanges())
        .singleElement()
        .asString()
        .startsWith("SessionNoted.v1.schema.json against main")
        .contains("$.reason: type changed");
  }

  @Test
  void onMainItselfThePreviousCommitIsTheBase() throws Exception {
    git("branch", "-M", "main");
    write(
        "SessionCancelled.v1.schema.json",
        V1.replace("\"sessionId\"]", "\"sessionId\", \"reason\"]"));
    commit("reason newly required");

    assertThat(new SchemaHistory(repo, "main").breakingChanges())
        .anySatisfy(
            change ->
                assertThat(change)
                    .startsWith("SessionCancelled.v1.schema.json against main (")
                    .endsWith("$.reason: newly required"));
  }

  private List<String> gate() {
    SchemaHistory history = new SchemaHistory(repo);
    assertThat(history.available()).isTrue();
    return history.breakingChanges();
  }

  private Path schemas() {
    return repo.resolve(EventSchemas.DIRECTORY);
  }

  private void write(String file, String content) throws IOException {
    Files.createDirectories(schemas());
    Files.writeString(schemas().resolve(file), content);
  }

  private void commit(String message) throws Exception {
    git("add", "-A");
    git(
        "-c",
        "user.name=test",
        "-c",
        "user.email=test@example.invalid",
        "commit",
        "-q",
        "-m",
        message);
  }

  private void git(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).inheritIO().start();
    assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
  }
}
