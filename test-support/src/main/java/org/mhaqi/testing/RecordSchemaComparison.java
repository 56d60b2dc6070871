package org.mhaqi.testing;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Whether a documented payload schema describes the event record it documents. */
final class RecordSchemaComparison {

  private RecordSchemaComparison() {}

  /**
   * Compares a documented object schema with the record it documents: the same fields, each with a
   * description, a JSON type and format that fit the Java type (a local date-time, which has no
   * JSON Schema format, needs a pattern), the enumeration's constants, and {@code required} exactly
   * for the fields that can never be null.
   */
  static void compare(Class<?> record, JsonNode schema, String where, List<String> violations) {
    Map<String, RecordComponent> components = new LinkedHashMap<>();
    for (RecordComponent component : record.getRecordComponents()) {
      components.put(component.getName(), component);
    }
    JsonNode properties = schema.path("properties");
    Set<String> documented = new LinkedHashSet<>(properties.propertyNames());
    if (!documented.equals(components.keySet())) {
      violations.add(
          where + ": documents fields " + documented + " but publishes " + components.keySet());
    }
    if (!schema.path("type").asString("").equals("object")) {
      violations.add(where + ": type must be object");
    }
    if (!schema.path("additionalProperties").isBoolean()
        || schema.path("additionalProperties").booleanValue()) {
      violations.add(where + ": additionalProperties must be false");
    }
    Set<String> required = new LinkedHashSet<>();
    schema.path("required").forEach(name -> required.add(name.asString()));
    for (RecordComponent component : components.values()) {
      JsonNode property = properties.path(component.getName());
      if (property.isMissingNode()) {
        continue;
      }
      String field = where + "." + component.getName();
      Class<?> javaType = component.getType();
      if (!property.hasNonNull("description")) {
        violations.add(field + ": no description");
      }
      Set<String> types = new LinkedHashSet<>();
      if (property.path("type").isArray()) {
        property.path("type").forEach(t -> types.add(t.asString()));
      } else {
        types.add(property.path("type").asString(""));
      }
      boolean nullable = types.remove("null");
      if (required.contains(component.getName()) == nullable) {
        violations.add(
            field + ": must be either required (never null) or nullable (type [<type>, \"null\"])");
      }
      if (javaType.isPrimitive() && nullable) {
        violations.add(field + ": a primitive is never null");
      }
      String jsonType = jsonType(javaType);
      if (!types.equals(Set.of(jsonType))) {
        violations.add(
            field + ": type " + types + " but " + javaType.getSimpleName() + " is " + jsonType);
      }
      checkFormat(javaType, property, field, violations);
      checkEnum(javaType, property, field, violations);
      if (javaType.isRecord()) {
        compare(javaType, property, field, violations);
      }
      if (List.class.isAssignableFrom(javaType)) {
        Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
        if (element instanceof Class<?> elementClass) {
          JsonNode items = property.path("items");
          if (elementClass.isRecord()) {
            compare(elementClass, items, field + "[]", violations);
          } else {
            if (!items.path("type").asString("").equals(jsonType(elementClass))) {
              violations.add(field + "[]: items type must be " + jsonType(elementClass));
            }
            checkFormat(elementClass, items, field + "[]", violations);
          }
          checkEnum(elementClass, items, field + "[]", violations);
        }
      }
    }
  }

  private static void checkFormat(
      Class<?> javaType, JsonNode property, String field, List<String> violations) {
    String format = format(javaType);
    if (format != null && !format.equals(property.path("format").asString(null))) {
      violations.add(field + ": format must be " + format);
    }
    if (javaType == LocalDateTime.class
        && (property.has("format") || !property.hasNonNull("pattern"))) {
      violations.add(
          field + ": a local date-time has no JSON Schema format; it needs a pattern instead");
    }
  }

  private static void checkEnum(
      Class<?> javaType, JsonNode property, String field, List<String> violations) {
    if (!javaType.isEnum()) {
      return;
    }
    Set<String> constants =
        Arrays.stream(javaType.getEnumConstants())
            .map(constant -> ((Enum<?>) constant).name())
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> documented = new TreeSet<>();
    // A nullable field's enumeration lists null beside the constants, so that null validates.
    property
        .path("enum")
        .forEach(
            value -> {
              if (!value.isNull()) {
                documented.add(value.asString());
              }
            });
    if (!documented.equals(constants)) {
      violations.add(
          field
              + ": enum "
              + documented
              + " but "
              + javaType.getSimpleName()
              + " has "
              + constants);
    }
  }

  private static String jsonType(Class<?> javaType) {
    if (javaType == boolean.class || javaType == Boolean.class) {
      return "boolean";
    }
    if (javaType == int.class
        || javaType == long.class
        || javaType == Integer.class
        || javaType == Long.class) {
      return "integer";
    }
    if (javaType == double.class || javaType == Double.class) {
      return "number";
    }
    if (List.class.isAssignableFrom(javaType) || javaType.isArray()) {
      return "array";
    }
    if (javaType.isRecord() || Map.class.isAssignableFrom(javaType)) {
      return "object";
    }
    return "string";
  }

  private static String format(Class<?> javaType) {
    if (javaType == UUID.class) {
      return "uuid";
    }
    if (javaType == Instant.class) {
      return "date-time";
    }
    if (javaType == LocalDate.class) {
      return "date";
    }
    return null;
  }
}
