package org.mhaqi.testing.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads JSON schemas of an OpenAPI 3.0 or 3.1 document: follows {@code $ref}s to wherever they
 * point in the document, and flattens {@code allOf}/{@code oneOf}/{@code anyOf} far enough for the
 * fuzzer to know a schema's type, properties and required properties.
 */
final class Schemas {

  /** Deeper than any real schema of the services; stops self-referencing ones. */
  private static final int MAX_REF_HOPS = 32;

  private final JsonNode document;

  Schemas(JsonNode document) {
    this.document = document;
  }

  /** The node a {@code $ref} points to (following chains), or the node itself. */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref") && hops < MAX_REF_HOPS; hops++) {
      String ref = current.path("$ref").asString();
      if (!ref.startsWith("#")) {
        return MissingNode.getInstance(); // external documents: never used by the services
      }
      current = document.at(ref.substring(1));
    }
    return current;
  }

  /**
   * The schema's one non-null type: {@code type} as a string or (3.1) an array, else inferred from
   * its keywords; {@code "any"} when nothing says.
   */
  String type(JsonNode raw) {
    JsonNode schema = flatten(raw);
    JsonNode type = schema.path("type");
    if (type.isString()) {
      return type.asString();
    }
    if (type.isArray()) {
      for (JsonNode each : type) {
        if (!"null".equals(each.asString())) {
          return each.asString();
        }
      }
    }
    if (schema.has("properties")) {
      return "object";
    }
    if (schema.has("items")) {
      return "array";
    }
    if (schema.has("enum")) {
      return "string";
    }
    for (JsonNode part : schema.path("allOf")) {
      String partType = type(part);
      if (!partType.equals("any")) {
        return partType;
      }
    }
    return "any";
  }

  /**
   * The schema with its {@code $ref} resolved and, when it is a composition, its first {@code
   * oneOf}/{@code anyOf} alternative or its {@code allOf} parts merged (properties and required).
   */
  JsonNode flatten(JsonNode raw) {
    JsonNode schema = resolve(raw);
    for (String alternatives : List.of("oneOf", "anyOf")) {
      JsonNode options = schema.path(alternatives);
      if (options.isArray() && !options.isEmpty()) {
        for (JsonNode option : options) {
          JsonNode resolved = resolve(option);
          if (!"null".equals(resolved.path("type").asString())) {
            return flatten(resolved);
          }
        }
      }
    }
    return schema;
  }

  /** Properties of an object schema, {@code allOf} parts included, in document order. */
  Map<String, JsonNode> properties(JsonNode raw) {
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    for (JsonNode part : parts(raw)) {
      part.path("properties").properties().forEach(p -> properties.put(p.getKey(), p.getValue()));
    }
    return properties;
  }

  Set<String> required(JsonNode raw) {
    Set<String> required = new LinkedHashSet<>();
    for (JsonNode part : parts(raw)) {
      part.path("required").forEach(name -> required.add(name.asString()));
    }
    return required;
  }

  private List<JsonNode> parts(JsonNode raw) {
    JsonNode schema = flatten(raw);
    List<JsonNode> parts = new ArrayList<>();
    parts.add(schema);
    for (JsonNode part : schema.path("allOf")) {
      parts.addAll(parts(part));
    }
    return parts;
  }

  /** Whether the schema is of the kind: number (or integer), date (or month), string, or any. */
  boolean isOfKind(JsonNode schema, String kind) {
    String type = type(schema);
    String format = flatten(schema).path("format").asString("");
    return switch (kind) {
      case "number", "integer" -> type.equals("integer") || type.equals("number");
      // Months (yyyy-MM) are strings with a pattern rather than a format: dates too, here.
      case "date" -> format.startsWith("date") || flatten(schema).has("pattern");
      case "string" -> type.equals("string");
      default -> true;
    };
  }
}
