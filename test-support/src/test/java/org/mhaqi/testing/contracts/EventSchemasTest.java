package org.mhaqi.testing.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The repository's own schemas: {@code docs/schemas} holds exactly what the catalogue defines (plus
 * older versions kept while consumers read them), and no schema breaks any of its committed
 * versions. {@code -Devent.schemas.write=true} rewrites the files from the catalogue.
 */
class EventSchemasTest {

  private static final Pattern FILE = Pattern.compile("(\\w+)\\.v(\\d+)\\.schema\\.json");

  private final Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath();

  @Test
  void docsSchemasHoldTheCataloguesSchemas() {
    Map<String, JsonNode> catalogue = EventSchemas.fromCatalogue(root);
    if (Boolean.getBoolean("event.schemas.write")) {
      EventSchemas.write(root, catalogue);
    }
    Map<String, JsonNode> kept = EventSchemas.kept(root);

    assertThat(catalogue).as("event types in docs/asyncapi.yaml").hasSizeGreaterThan(20);
    catalogue.forEach(
        (file, schema) ->
            assertThat(kept.get(file))
                .as(
                    "docs/schemas/%s as docs/asyncapi.yaml defines it (rewrite with"
                        + " -Devent.schemas.write=true)",
                    file)
                .isEqualTo(schema));
    for (String file : kept.keySet()) {
      if (!catalogue.containsKey(file)) {
        Matcher name = FILE.matcher(file);
        assertThat(name.matches()).as("schema file name %s", file).isTrue();
        assertThat(catalogue.keySet())
            .as("%s is kept only as an older version of a type the catalogue still has", file)
            .anyMatch(
                current -> {
                  Matcher c = FILE.matcher(current);
                  return c.matches()
                      && c.group(1).equals(name.group(1))
                      && Integer.parseInt(c.group(2)) > Integer.parseInt(name.group(2));
                });
      }
    }
  }

  @Test
  void noSchemaBreaksAnyOfItsCommittedVersions() {
    SchemaHistory history =
        new SchemaHistory(root, System.getProperty("event.schemas.base", "main"));
    assumeThat(history.available()).as("a git work tree with its history").isTrue();
    assertThat(history.breakingChanges()).isEmpty();
  }
}
