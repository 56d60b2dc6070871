package org.mhaqi.testing.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One JSON Schema (2020-12) per event type and schema version, taken from the messages of the event
 * catalogue {@code docs/asyncapi.yaml}: the payload's schema with the type's name, version and
 * description. Written to {@code docs/schemas/<Type>.v<version>.schema.json}, from where
 * event-contracts' jar also carries them.
 */
public final class EventSchemas {

  /** Where the schemas are kept, relative to the repository root. */
  public static final Path DIRECTORY = Path.of("docs", "schemas");

  static final JsonMapper JSON = JsonMapper.builder().build();

  private EventSchemas() {}

  /** The schema file name of a type at a version, e.g. {@code ServiceEnrolled.v1.schema.json}. */
  public static String fileName(String type, String version) {
    return type + ".v" + version + ".schema.json";
  }

  /** The schemas the catalogue at {@code root/docs/asyncapi.yaml} defines, by file name. */
  public static Map<String, JsonNode> fromCatalogue(Path root) {
    JsonNode catalogue;
    try {
      catalogue =
          YAMLMapper.builder()
              .build()
              .readTree(Files.readString(root.resolve("docs/asyncapi.yaml")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, JsonNode> schemas = new TreeMap<>();
    for (var message : catalogue.path("components").path("messages").properties()) {
      JsonNode definition = message.getValue();
      String type = definition.path("name").asString(message.getKey());
      String version = schemaVersion(type, definition);
      ObjectNode schema = JSON.createObjectNode();
      schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
      schema.put("$id", "urn:mhaqi:event:" + type + ":" + version);
      schema.put("title", type + ", schema version " + version);
      if (definition.hasNonNull("description")) {
        schema.put("description", definition.get("description").asString().strip());
      }
      definition.path("payload").properties().forEach(p -> schema.set(p.getKey(), p.getValue()));
      schemas.put(fileName(type, version), schema);
    }
    return schemas;
  }

  /** The files kept in {@code root/docs/schemas}, by file name. */
  public static Map<String, JsonNode> kept(Path root) {
    Map<String, JsonNode> kept = new TreeMap<>();
    Path directory = root.resolve(DIRECTORY);
    if (!Files.isDirectory(directory)) {
      return kept;
    }
    try (var files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
        kept.put(file.getFileName().toString(), JSON.readTree(Files.readString(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return kept;
  }

  /** Writes the catalogue's schemas to {@code root/docs/schemas}, one file each. */
  public static void write(Path root, Map<String, JsonNode> schemas) {
    try {
      Files.createDirectories(root.resolve(DIRECTORY));
      for (var schema : schemas.entrySet()) {
        Files.writeString(
            root.resolve(DIRECTORY).resolve(schema.getKey()),
            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema.getValue()) + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String schemaVersion(String type, JsonNode message) {
    for (JsonNode part : message.path("headers").path("allOf")) {
      JsonNode version = part.path("properties").path("ce_schemaversion").path("const");
      if (version.isString()) {
        return version.asString();
      }
    }
    throw new IllegalStateException(
        "The catalogue's message " + type + " has no ce_schemaversion const in its headers");
  }
}
