package org.mhaqi.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The operations a service documents in its OpenAPI document ({@code /v3/api-docs}): what tests
 * that must cover every endpoint iterate, so that a new endpoint without an expectation fails them.
 */
public final class OpenApiOperations {

  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  private OpenApiOperations() {}

  /**
   * One documented operation.
   *
   * @param method upper case, e.g. {@code POST}
   * @param path the template, e.g. {@code /api/enrollments/{enrollmentId}/admission}
   * @param pathParameters names in the template, in order
   * @param queryParameters names with whether each is required
   * @param requestBodyContentTypes e.g. {@code application/json}, {@code text/csv}; empty if none
   * @param requestBodySchemas each content type's schema, {@code $ref}s left as they are
   */
  public record Operation(
      String method,
      String path,
      String operationId,
      List<String> pathParameters,
      Map<String, Boolean> queryParameters,
      List<String> requestBodyContentTypes,
      Map<String, JsonNode> requestBodySchemas) {

    /** "POST /api/enrollments/{enrollmentId}/admission" */
    public String key() {
      return method + " " + path;
    }

    public boolean takesAnId() {
      return !pathParameters.isEmpty();
    }

    @Override
    public String toString() {
      return key();
    }
  }

  /** Every operation of the document, in its order. */
  public static List<Operation> of(JsonNode apiDocs) {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : apiDocs.path("paths").properties()) {
      JsonNode shared = path.getValue().path("parameters");
      for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
        if (!METHODS.contains(entry.getKey())) {
          continue;
        }
        JsonNode operation = entry.getValue();
        List<String> pathParameters = new ArrayList<>();
        Map<String, Boolean> queryParameters = new LinkedHashMap<>();
        for (JsonNode parameters : List.of(shared, operation.path("parameters"))) {
          for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asString();
            switch (parameter.path("in").asString()) {
              case "path" -> {
                if (!pathParameters.contains(name)) {
                  pathParameters.add(name);
                }
              }
              case "query" -> queryParameters.put(name, parameter.path("required").asBoolean());
              default -> {}
            }
          }
        }
        List<String> contentTypes = new ArrayList<>();
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> content :
            operation.path("requestBody").path("content").properties()) {
          contentTypes.add(content.getKey());
          schemas.put(content.getKey(), content.getValue().path("schema"));
        }
        operations.add(
            new Operation(
                entry.getKey().toUpperCase(java.util.Locale.ROOT),
                path.getKey(),
                operation.path("operationId").asString(),
                List.copyOf(pathParameters),
                queryParameters,
                List.copyOf(contentTypes),
                schemas));
      }
    }
    return operations;
  }
}
