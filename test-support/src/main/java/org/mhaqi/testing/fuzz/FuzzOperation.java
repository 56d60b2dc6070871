package org.mhaqi.testing.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One operation of a service's OpenAPI document, as the fuzzer needs it: its parameters and the
 * request body's schema per content type, with every {@code $ref} left to {@link Schemas} to
 * resolve against the same document.
 */
public record FuzzOperation(
    String method,
    String path,
    List<Parameter> parameters,
    boolean bodyRequired,
    Map<String, JsonNode> bodySchemas) {

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "patch", "head", "options");

  /** A path, query or header parameter and its (possibly still {@code $ref}) schema. */
  public record Parameter(String name, String in, boolean required, JsonNode schema) {}

  public List<Parameter> in(String location) {
    return parameters.stream().filter(p -> p.in().equals(location)).toList();
  }

  public boolean hasBody() {
    return !bodySchemas.isEmpty();
  }

  /** The body's content type of the given kind ({@code json}, {@code csv}, {@code multipart}). */
  public String contentTypeLike(String kind) {
    return bodySchemas.keySet().stream()
        .filter(type -> type.toLowerCase(Locale.ROOT).contains(kind))
        .findFirst()
        .orElse(null);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }

  /** Every operation of the document, in a stable order (path, then method) whatever its layout. */
  public static List<FuzzOperation> all(JsonNode apiDocs) {
    Schemas schemas = new Schemas(apiDocs);
    List<FuzzOperation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> pathItem : apiDocs.path("paths").properties()) {
      JsonNode item = schemas.resolve(pathItem.getValue());
      for (String method : METHODS) {
        JsonNode operation = item.path(method);
        if (operation.isObject()) {
          operations.add(read(schemas, pathItem.getKey(), method, item, operation));
        }
      }
    }
    operations.sort(Comparator.comparing(FuzzOperation::path).thenComparing(FuzzOperation::method));
    return operations;
  }

  private static FuzzOperation read(
      Schemas schemas, String path, String method, JsonNode pathItem, JsonNode operation) {
    // Operation-level parameters override path-level ones of the same name and location.
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    for (JsonNode source : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
      for (JsonNode raw : source) {
        JsonNode parameter = schemas.resolve(raw);
        String name = parameter.path("name").asString();
        String in = parameter.path("in").asString();
        parameters.put(
            in + ":" + name,
            new Parameter(
                name,
                in,
                parameter.path("required").asBoolean(in.equals("path")),
                parameter.path("schema")));
      }
    }
    JsonNode body = schemas.resolve(operation.path("requestBody"));
    Map<String, JsonNode> bodySchemas = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> content : body.path("content").properties()) {
      bodySchemas.put(content.getKey(), content.getValue().path("schema"));
    }
    return new FuzzOperation(
        method.toUpperCase(Locale.ROOT),
        path,
        List.copyOf(parameters.values()),
        body.path("required").asBoolean(false),
        bodySchemas);
  }
}
