package org.mhaqi.testing.fuzz;

import static org.mhaqi.testing.fuzz.RequestText.JSON;
import static org.mhaqi.testing.fuzz.RequestText.encode;
import static org.mhaqi.testing.fuzz.RequestText.excerpt;
import static org.mhaqi.testing.fuzz.RequestText.looksLikeJson;
import static org.mhaqi.testing.fuzz.RequestText.utf8;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A fuzz request being built: valid-looking first (path, query and header parameters, then a body
 * of the kind the mutation works on), then changed by {@link Mutator}, then turned into the bytes
 * sent ({@link #toRequest}). Its parts are the mutator's to change.
 */
final class DraftRequest {

  final FuzzOperation operation;
  private final Chance random;
  private final Schemas schemas;
  private final ValidValues values;
  private final Map<String, List<String>> examples;
  final Map<String, String> encodedPath = new LinkedHashMap<>();
  final List<String[]> query = new ArrayList<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  String contentType;
  JsonNode json;
  String text;
  byte[] bytes;
  String detail = "valid-looking";

  /** The CSV in {@link #text} is still to be wrapped as a form's file part. */
  boolean multipartPending;

  /**
   * @param examples valid bodies by operation ({@code POST /api/...})
   */
  DraftRequest(
      FuzzOperation operation,
      Chance random,
      Schemas schemas,
      ValidValues values,
      Map<String, List<String>> examples) {
    this.operation = operation;
    this.random = random;
    this.schemas = schemas;
    this.values = values;
    this.examples = examples;
    for (FuzzOperation.Parameter parameter : operation.in("path")) {
      encodedPath.put(
          parameter.name(), encode(values.validText(parameter.name(), parameter.schema(), 0)));
    }
    for (FuzzOperation.Parameter parameter : operation.in("query")) {
      if (parameter.required() || random.nextBoolean()) {
        addQuery(parameter);
      }
    }
    for (FuzzOperation.Parameter parameter : operation.in("header")) {
      if (parameter.required() || random.nextBoolean()) {
        headers.put(parameter.name(), "fuzz-" + random.nextInt(1000));
      }
    }
  }

  private void addQuery(FuzzOperation.Parameter parameter) {
    if (schemas.type(parameter.schema()).equals("array")) {
      JsonNode items = schemas.flatten(parameter.schema()).path("items");
      int count = 1 + random.nextInt(2);
      for (int i = 0; i < count; i++) {
        query.add(new String[] {parameter.name(), values.validText(parameter.name(), items, 0)});
      }
    } else {
      query.add(
          new String[] {
            parameter.name(), values.validText(parameter.name(), parameter.schema(), 0)
          });
    }
  }

  /**
   * A valid-looking body of the kind the mutation works on; for the others (VALID, empty, huge,
   * wrong content type) of any kind the operation takes.
   */
  void startBody(Mutation mutation) {
    List<String> kinds =
        List.of("json", "csv", "multipart").stream()
            .filter(kind -> operation.contentTypeLike(kind) != null)
            .toList();
    String kind =
        mutation.name().startsWith("CSV_")
            ? "csv"
            : mutation.name().startsWith("MULTIPART_")
                ? "multipart"
                : mutation.name().startsWith("FIELD_") || isJsonOnly(mutation)
                    ? "json"
                    : kinds.isEmpty() ? null : random.pick(kinds);
    if (kind == null) {
      if (operation.hasBody()) {
        contentType = operation.bodySchemas().keySet().iterator().next();
        text = example(false).orElse("fuzz");
      }
      return;
    }
    contentType = operation.contentTypeLike(kind);
    if (kind.equals("json")) {
      json =
          example(true)
              .filter(example -> random.nextBoolean())
              .map(JSON::readTree)
              .orElseGet(() -> values.validJson("", operation.bodySchemas().get(contentType), 0));
    } else {
      text = example(false).orElse("name,value\r\nfuzz,1\r\n");
      multipartPending = kind.equals("multipart");
    }
  }

  private boolean isJsonOnly(Mutation mutation) {
    return switch (mutation) {
      case BODY_TRUNCATED, BODY_ARRAY_INSTEAD_OF_OBJECT, BODY_DEEP_NESTING, BODY_NOT_JSON -> true;
      default -> false;
    };
  }

  /** A given example body for this operation, JSON or not. */
  private Optional<String> example(boolean json) {
    List<String> given =
        examples.getOrDefault(operation.toString(), List.of()).stream()
            .filter(body -> looksLikeJson(body) == json)
            .toList();
    return given.isEmpty() ? Optional.empty() : Optional.of(random.pick(given));
  }

  void setPath(String encoded) {
    String name = random.pick(new ArrayList<>(encodedPath.keySet()));
    encodedPath.put(name, encoded);
    detail = "path " + name + " := " + excerpt(encoded);
  }

  /** Sets a query parameter, preferring ones of the given type (integer, date, any). */
  void setQuery(String value, String preferredType) {
    List<FuzzOperation.Parameter> parameters = operation.in("query");
    List<FuzzOperation.Parameter> preferred =
        parameters.stream().filter(p -> schemas.isOfKind(p.schema(), preferredType)).toList();
    FuzzOperation.Parameter parameter = random.pick(preferred.isEmpty() ? parameters : preferred);
    replaceQuery(parameter.name(), value);
  }

  void replaceQuery(String name, String value) {
    query.removeIf(pair -> pair[0].equals(name));
    query.add(new String[] {name, value});
    detail = "query " + name + " := " + excerpt(value);
  }

  String fileField() {
    JsonNode schema = operation.bodySchemas().get(operation.contentTypeLike("multipart"));
    return schemas.properties(schema).keySet().stream().findFirst().orElse("file");
  }

  void multipart(String field, String filename) {
    String boundary = "fuzz-boundary-" + random.nextInt(1_000_000);
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + filename
            + "\"\r\nContent-Type: text/csv\r\n\r\n";
    text = head + text + "\r\n--" + boundary + "--\r\n";
    contentType = "multipart/form-data; boundary=" + boundary;
    multipartPending = false;
  }

  FuzzRequest toRequest(long seed, int index, String caller, Mutation mutation) {
    String path = operation.path();
    for (Map.Entry<String, String> parameter : encodedPath.entrySet()) {
      path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
    }
    StringBuilder target = new StringBuilder(path);
    for (int i = 0; i < query.size(); i++) {
      target
          .append(i == 0 ? '?' : '&')
          .append(URLEncoder.encode(query.get(i)[0], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(query.get(i)[1], StandardCharsets.UTF_8));
    }
    byte[] body =
        bytes != null
            ? bytes
            : text != null
                ? utf8(text)
                : json != null ? utf8(JSON.writeValueAsString(json)) : new byte[0];
    Map<String, String> allHeaders = new LinkedHashMap<>(headers);
    if (contentType != null && (body.length > 0 || mutation == Mutation.BODY_EMPTY)) {
      allHeaders.put("Content-Type", contentType);
    }
    return new FuzzRequest(
        seed,
        index,
        caller,
        mutation,
        operation.toString(),
        operation.method(),
        target.toString(),
        Map.copyOf(allHeaders),
        body,
        body.length,
        detail);
  }
}
