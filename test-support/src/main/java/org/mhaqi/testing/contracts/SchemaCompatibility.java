package org.mhaqi.testing.contracts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Whether a newer JSON Schema of an event still reads every event the older one described, as a
 * consumer built against the older one expects. Breaking, at any depth: a field removed (or
 * renamed, which is a removal and an addition), a type changed to one that does not include the
 * old, a format or a constant changed, a field newly required, an enumeration narrowed. Compatible:
 * an optional field added, an enumeration widened, words changed (titles, descriptions, examples).
 */
public final class SchemaCompatibility {

  private SchemaCompatibility() {}

  /** What breaks between the two schemas, one line each with its JSON path; empty if nothing. */
  public static List<String> breakingChanges(JsonNode older, JsonNode newer) {
    List<String> breaking = new ArrayList<>();
    compare("$", older, newer, breaking);
    return breaking;
  }

  private static void compare(String path, JsonNode older, JsonNode newer, List<String> breaking) {
    Set<String> olderTypes = types(older);
    Set<String> newerTypes = types(newer);
    if (!olderTypes.isEmpty() && !newerTypes.containsAll(olderTypes)) {
      breaking.add(path + ": type changed from " + olderTypes + " to " + newerTypes);
    }
    for (String keyword : new String[] {"format", "const", "pattern"}) {
      if (older.has(keyword) && !older.get(keyword).equals(newer.get(keyword))) {
        breaking.add(
            path
                + ": "
                + keyword
                + " changed from "
                + older.get(keyword)
                + " to "
                + newer.get(keyword));
      }
    }
    if (older.has("enum") || newer.has("enum")) {
      Set<JsonNode> olderValues = values(older.get("enum"));
      Set<JsonNode> newerValues = values(newer.get("enum"));
      if (newer.has("enum") && (!older.has("enum") || !newerValues.containsAll(olderValues))) {
        Set<JsonNode> dropped = new LinkedHashSet<>(olderValues);
        dropped.removeAll(newerValues);
        breaking.add(
            path
                + ": enumeration narrowed"
                + (older.has("enum") ? ", " + dropped + " no longer allowed" : ""));
      }
    }
    Set<String> olderRequired = strings(older.get("required"));
    for (String required : strings(newer.get("required"))) {
      if (!olderRequired.contains(required)) {
        breaking.add(path + "." + required + ": newly required");
      }
    }
    JsonNode newerProperties = newer.path("properties");
    for (var property : older.path("properties").properties()) {
      JsonNode newerProperty = newerProperties.get(property.getKey());
      String propertyPath = path + "." + property.getKey();
      if (newerProperty == null) {
        breaking.add(propertyPath + ": removed");
      } else {
        compare(propertyPath, property.getValue(), newerProperty, breaking);
      }
    }
    if (older.has("items") && newer.has("items")) {
      compare(path + "[]", older.get("items"), newer.get("items"), breaking);
    }
  }

  private static Set<String> types(JsonNode schema) {
    Set<String> types = new LinkedHashSet<>();
    JsonNode type = schema.get("type");
    if (type == null) {
      return types;
    }
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asString()));
    } else {
      types.add(type.asString());
    }
    return types;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> strings = new LinkedHashSet<>();
    if (array != null) {
      array.forEach(value -> strings.add(value.asString()));
    }
    return strings;
  }

  private static Set<JsonNode> values(JsonNode array) {
    Set<JsonNode> values = new LinkedHashSet<>();
    if (array != null) {
      array.forEach(values::add);
    }
    return values;
  }
}
