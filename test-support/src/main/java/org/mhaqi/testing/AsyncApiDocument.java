package org.mhaqi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * An AsyncAPI document read as JSON, navigated by JSON pointers with its local {@code $ref}s
 * followed: channels and their messages, operations, headers and Kafka bindings.
 */
final class AsyncApiDocument {

  private final Path path;
  private final JsonNode root;

  private AsyncApiDocument(Path path, JsonNode root) {
    this.path = path;
    this.root = root;
  }

  static AsyncApiDocument read(Path path) {
    try {
      return new AsyncApiDocument(
          path, YAMLMapper.builder().build().readTree(Files.readString(path)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the event catalogue " + path, e);
    }
  }

  Path path() {
    return path;
  }

  /** The whole document. */
  JsonNode root() {
    return root;
  }

  /** The node at the pointer (a missing node when there is none). */
  JsonNode at(String pointer) {
    return root.at(pointer);
  }

  /** The names of the messages an operation refers to. */
  Set<String> operationMessageNames(JsonNode operation) {
    Set<String> names = new TreeSet<>();
    for (JsonNode reference : operation.path("messages")) {
      names.add(root.at(resolve(reference.path("$ref").asString())).path("name").asString());
    }
    return names;
  }

  /** The pointer of the operation with that id. */
  static String pointerOf(String operationId) {
    return "/operations/" + escape(operationId);
  }

  /** The constant header values a message's headers schema fixes, through allOf and $ref. */
  Map<String, String> fixedHeaders(String pointer) {
    Map<String, String> fixed = new HashMap<>();
    collectConstants(root.at(resolve(pointer)), fixed);
    return fixed;
  }

  private void collectConstants(JsonNode schema, Map<String, String> fixed) {
    if (schema.has("$ref")) {
      collectConstants(root.at(resolve(schema.path("$ref").asString())), fixed);
    }
    schema.path("allOf").forEach(part -> collectConstants(part, fixed));
    schema
        .path("properties")
        .properties()
        .forEach(
            property -> {
              if (property.getValue().has("const")) {
                fixed.put(property.getKey(), property.getValue().path("const").asString());
              }
            });
  }

  /** The pointer of the message's Kafka key schema, following a $ref to message bindings. */
  Optional<String> keySchemaPointer(String messagePointer) {
    String bindings = resolve(messagePointer + "/bindings");
    String key = bindings + "/kafka/key";
    return root.at(key).isObject() ? Optional.of(key) : Optional.empty();
  }

  /**
   * The messages of the channel with that address, by name, with $refs followed; earlier schema
   * versions of a type (messages with {@code x-superseded-by}) left out.
   */
  Map<String, String> channelMessages(String address) {
    Map<String, String> found = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> channel : root.path("channels").properties()) {
      if (!address.equals(channel.getValue().path("address").asString(null))) {
        continue;
      }
      String channelPointer = "/channels/" + escape(channel.getKey());
      for (String id : channel.getValue().path("messages").propertyNames()) {
        String pointer = resolve(channelPointer + "/messages/" + escape(id));
        if (root.at(pointer).has("x-superseded-by")) {
          continue; // an earlier schema version, still on the topic but no longer published
        }
        found.put(root.at(pointer).path("name").asString(id), pointer);
      }
    }
    return found;
  }

  /** Follows local $refs ("#/...") from the node at the pointer to the node they name. */
  String resolve(String pointer) {
    String current = pointer.startsWith("#") ? pointer.substring(1) : pointer;
    for (int hops = 0; hops < 10; hops++) {
      JsonNode node = root.at(current);
      if (!node.has("$ref")) {
        return current;
      }
      String ref = node.path("$ref").asString();
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("Only local $refs are supported: " + ref);
      }
      current = ref.substring(1);
    }
    throw new IllegalStateException("$ref cycle at " + pointer);
  }

  /** Escapes a name as one JSON pointer token. */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /**
   * {@code docs/asyncapi.yaml}, found by walking up from the working directory (a module's
   * directory under Maven) to the repository root.
   */
  static Path find() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs").resolve("asyncapi.yaml");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      if (Files.exists(dir.resolve(".git"))) {
        break;
      }
    }
    throw new IllegalStateException(
        "No docs/asyncapi.yaml in " + start + " or above, up to the repository root");
  }
}
