package org.mhaqi.testing.fuzz;

import static org.mhaqi.testing.fuzz.RequestText.JSON;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Valid-looking values for a schema: a known value of the parameter or property when there is one
 * (so requests get past "not found"), else an enum value, the schema's example, or one made to its
 * type, format and bounds.
 */
final class ValidValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The day valid-looking dates are drawn around. Fixed: the same seed gives the same dates. */
  private static final LocalDate AROUND = LocalDate.of(2026, 6, 1);

  private final Schemas schemas;
  private final Map<String, List<String>> known;
  private final List<String> knownIds;
  private final Chance random;

  /**
   * @param known valid values by parameter or property name
   * @param knownIds those of them that are UUIDs
   */
  ValidValues(
      Schemas schemas, Map<String, List<String>> known, List<String> knownIds, Chance random) {
    this.schemas = schemas;
    this.known = known;
    this.knownIds = knownIds;
    this.random = random;
  }

  String validText(String name, JsonNode rawSchema, int depth) {
    JsonNode value = validJson(name, rawSchema, depth);
    return value.isString() ? value.asString() : JSON.writeValueAsString(value);
  }

  JsonNode validJson(String name, JsonNode rawSchema, int depth) {
    List<String> knownValues = known.get(name);
    if (knownValues != null && !knownValues.isEmpty()) {
      return NODES.stringNode(random.pick(knownValues));
    }
    JsonNode schema = schemas.flatten(rawSchema);
    if (schema.has("enum") && !schema.path("enum").isEmpty()) {
      return random.pick(new ArrayList<>(schema.path("enum").values())).deepCopy();
    }
    if (schema.has("example")) {
      return schema.path("example").deepCopy();
    }
    if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
      return schema.path("examples").get(0).deepCopy();
    }
    String format = schema.path("format").asString("");
    return switch (schemas.type(schema)) {
      case "integer" -> NODES.numberNode(integerIn(schema));
      case "number" -> NODES.numberNode(integerIn(schema) + random.nextInt(100) / 100.0);
      case "boolean" -> NODES.booleanNode(random.nextBoolean());
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        int count = Math.max(schema.path("minItems").asInt(1), 1 + random.nextInt(3));
        for (int i = 0; i < count && depth < 6; i++) {
          array.add(validJson(singular(name), schema.path("items"), depth + 1));
        }
        yield array;
      }
      case "object" -> {
        ObjectNode object = NODES.objectNode();
        var required = schemas.required(schema);
        for (Map.Entry<String, JsonNode> property : schemas.properties(schema).entrySet()) {
          if (depth < 6
              && (required.contains(property.getKey()) || random.nextInt(10) < 7)
              && !schemas.flatten(property.getValue()).path("readOnly").asBoolean(false)) {
            object.set(
                property.getKey(), validJson(property.getKey(), property.getValue(), depth + 1));
          }
        }
        yield object;
      }
      default -> NODES.stringNode(validString(name, schema, format));
    };
  }

  private String validString(String name, JsonNode schema, String format) {
    LocalDate date = AROUND.plusDays(random.nextInt(365) - 182);
    String value =
        switch (format) {
          case "uuid" ->
              knownIds.isEmpty() || random.nextInt(4) == 0
                  ? random.uuid().toString()
                  : random.pick(knownIds);
          case "date" -> date.toString();
          case "date-time" ->
              LocalDateTime.of(date, LocalTime.of(9 + random.nextInt(8), 0))
                  .toInstant(ZoneOffset.UTC)
                  .toString();
          case "email" -> "fuzz" + random.nextInt(1000) + "@example.nhs.uk";
          case "uri", "url" -> "https://example.org/fuzz";
          default ->
              name.toLowerCase(Locale.ROOT).contains("month")
                  ? date.toString().substring(0, 7)
                  : "fuzz " + name + " " + random.nextInt(1000);
        };
    int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
    int min = schema.path("minLength").asInt(0);
    if (value.length() > max) {
      value = value.substring(0, max);
    }
    return value.length() < min ? value + "x".repeat(min - value.length()) : value;
  }

  private long integerIn(JsonNode schema) {
    long min = schema.path("minimum").asLong(0);
    long max = schema.path("maximum").asLong(min + 12);
    return min + (long) (random.nextDouble() * (Math.min(max, min + 100) - min + 1));
  }

  String anyKnownId() {
    return knownIds.isEmpty() ? random.uuid().toString() : random.pick(knownIds);
  }

  private static String singular(String name) {
    return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
  }
}
