package org.mhaqi.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Makes fuzz request number {@code i} of a run from the seed and {@code i} alone: request {@code i}
 * goes to operation {@code i mod n} as caller {@code (i div n) mod c}, so the first {@code n*c}
 * requests already pair every operation with every caller; its content comes from a {@link Random}
 * seeded by (seed, i), so one request can be regenerated without the ones before it.
 */
final class RequestGenerator {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int HUGE_STRING = 100_000;
  private static final int HUGE_BODY = 2 * 1024 * 1024;

  /** The day valid-looking dates are drawn around. Fixed: the same seed gives the same dates. */
  private static final LocalDate AROUND = LocalDate.of(2026, 6, 1);

  private final long seed;
  private final List<FuzzOperation> operations;
  private final List<String> callers;
  private final Schemas schemas;
  private final Map<String, List<String>> known;
  private final List<String> knownIds;
  private final Map<String, List<String>> examples;

  /**
   * @param known valid values by parameter or property name ({@code enrollmentId}, {@code
   *     odsCode}...), used in place of schema-made ones so requests get past "not found"
   * @param examples valid bodies by operation ({@code POST /api/...}), mutated like made ones
   */
  RequestGenerator(
      long seed,
      JsonNode apiDocs,
      List<String> callers,
      Map<String, List<String>> known,
      Map<String, List<String>> examples) {
    this.seed = seed;
    this.operations = FuzzOperation.all(apiDocs);
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("The OpenAPI document has no operations");
    }
    if (callers.isEmpty()) {
      throw new IllegalArgumentException("No callers to send the requests as");
    }
    this.callers = List.copyOf(callers);
    this.schemas = new Schemas(apiDocs);
    this.known = Map.copyOf(known);
    this.knownIds =
        known.values().stream().flatMap(List::stream).filter(RequestGenerator::isUuid).toList();
    this.examples = Map.copyOf(examples);
  }

  List<FuzzOperation> operations() {
    return operations;
  }

  FuzzRequest generate(int index) {
    FuzzOperation operation = operations.get(index % operations.size());
    String caller = callers.get((index / operations.size()) % callers.size());
    Random random = new Random(seed ^ (0x9E3779B97F4A7C15L * (index + 1L)));
    List<Mutation> applicable =
        Arrays.stream(Mutation.values()).filter(m -> m.appliesTo(operation)).toList();
    // A valid-looking request one time in four: those reach the deepest checks and the writes.
    Mutation mutation =
        random.nextInt(4) == 0 ? Mutation.VALID : applicable.get(random.nextInt(applicable.size()));
    Draft draft = new Draft(operation, random);
    draft.startBody(mutation);
    draft.mutate(mutation);
    return draft.toRequest(index, caller, mutation);
  }

  /** A request being built: valid-looking first, then one part of it changed. */
  private final class Draft {

    private final FuzzOperation operation;
    private final Random random;
    private final Map<String, String> encodedPath = new LinkedHashMap<>();
    private final List<String[]> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String contentType;
    private JsonNode json;
    private String text;
    private byte[] bytes;
    private String detail = "valid-looking";

    /** The CSV in {@link #text} is still to be wrapped as a form's file part. */
    private boolean multipartPending;

    Draft(FuzzOperation operation, Random random) {
      this.operation = operation;
      this.random = random;
      for (FuzzOperation.Parameter parameter : operation.in("path")) {
        encodedPath.put(
            parameter.name(), encode(validText(parameter.name(), parameter.schema(), 0)));
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
          query.add(new String[] {parameter.name(), validText(parameter.name(), items, 0)});
        }
      } else {
        query.add(
            new String[] {parameter.name(), validText(parameter.name(), parameter.schema(), 0)});
      }
    }

    /**
     * A valid-looking body of the kind the mutation works on; for the others (VALID, empty, huge,
     * wrong content type) of any kind the operation takes.
     */
    private void startBody(Mutation mutation) {
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
                      : kinds.isEmpty() ? null : pick(kinds);
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
                .orElseGet(() -> validJson("", operation.bodySchemas().get(contentType), 0));
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
      return given.isEmpty() ? Optional.empty() : Optional.of(pick(given));
    }

    void mutate(Mutation mutation) {
      // Mutations of the multipart form itself, or of its size, wrap the file themselves.
      if (multipartPending
          && !mutation.name().startsWith("MULTIPART_")
          && mutation != Mutation.BODY_HUGE
          && mutation != Mutation.BODY_EMPTY) {
        multipart(fileField(), "returns.csv");
      }
      switch (mutation) {
        case VALID -> {}
        case PATH_RANDOM_UUID ->
            setPath(encode(new UUID(random.nextLong(), random.nextLong()).toString()));
        case PATH_NOT_UUID ->
            setPath(
                encode(
                    pick(
                        "not-a-uuid",
                        "0",
                        "-1",
                        "00000000-0000-0000-0000-00000000000",
                        "00000000-0000-0000-0000-0000000000000",
                        "g0000000-0000-0000-0000-000000000000",
                        "null",
                        "undefined",
                        "1.5",
                        "{id}",
                        anyKnownId().toUpperCase(Locale.ROOT),
                        anyKnownId() + "x")));
        // Long enough to be absurd, short enough (with the token) for the server's 8 KB of
        // request head: longer ones are refused by the container before the service sees them,
        // and its closing the connection on the unread rest can reset the answer away.
        case PATH_HUGE ->
            setPath(
                encode(
                    pick("a", "7", anyKnownId())
                        .repeat(6_000)
                        .substring(0, pick(1_001, 3_000, 6_000))));
        case PATH_UNICODE ->
            setPath(
                random.nextInt(4) == 0
                    ? pick("%C0%AF", "%ED%A0%80", "%FF%FE", "%E2%80%AE")
                    : encode(pick(HostileValues.UNICODE)));
        case PATH_TRAVERSAL ->
            setPath(
                pick(
                    "..",
                    "%2e%2e",
                    "..%2F..%2Factuator%2Fenv",
                    "../../actuator/env",
                    "..%5C..%5C",
                    "%2F",
                    ".%2e",
                    "..;",
                    anyKnownId() + ";jsessionid=x",
                    "%252e%252e%252f"));
        case PATH_NUL -> setPath(pick("%00", "x%00", anyKnownId() + "%00", "%00" + anyKnownId()));
        case QUERY_WRONG_TYPE -> setQuery(pick(HostileValues.WRONG_QUERY_TYPES), "any");
        case QUERY_EXTREME_NUMBER -> setQuery(pick(HostileValues.EXTREME_QUERY_NUMBERS), "integer");
        case QUERY_EXTREME_DATE -> setQuery(pick(HostileValues.DATES), "date");
        case QUERY_INJECTION -> {
          FuzzOperation.Parameter parameter = pick(operation.in("query"));
          String value =
              parameter.name().equals("sort") && random.nextBoolean()
                  ? pick(HostileValues.SORTS)
                  : random.nextBoolean()
                      ? pick(HostileValues.INJECTIONS)
                      : pick(HostileValues.UNICODE);
          replaceQuery(parameter.name(), value);
        }
        case QUERY_UNKNOWN_OR_REPEATED -> {
          if (query.isEmpty() || random.nextBoolean()) {
            query.add(new String[] {pick("fuzzUnknown", "id", "debug", "_method"), "1"});
            detail = "undocumented query parameter";
          } else {
            String[] existing = pick(query);
            query.add(new String[] {existing[0], pick("1", "x", existing[1] + "x")});
            detail = "query parameter " + existing[0] + " twice";
          }
        }
        case FIELD_WRONG_TYPE -> replaceField(null, this::wrongTypeFor);
        case FIELD_NULL -> replaceField(null, schema -> "null");
        case FIELD_MISSING_REQUIRED -> removeField();
        case FIELD_UNKNOWN -> addUnknownField();
        case FIELD_HUGE_STRING ->
            replaceField(
                "string",
                schema ->
                    quote(pick("A", "\uD83D\uDE00", "' OR 1=1--", "\u0301").repeat(HUGE_STRING)));
        case FIELD_INJECTION ->
            replaceField("string", schema -> quote(pick(HostileValues.INJECTIONS)));
        case FIELD_UNICODE -> replaceField("string", schema -> quote(pick(HostileValues.UNICODE)));
        case FIELD_BROKEN_UNICODE ->
            replaceField("string", schema -> pick(HostileValues.BROKEN_UNICODE_JSON));
        case FIELD_EXTREME_NUMBER -> replaceField("number", schema -> pick(HostileValues.NUMBERS));
        case FIELD_EXTREME_DATE -> replaceField("date", schema -> quote(pick(HostileValues.DATES)));
        case BODY_TRUNCATED -> {
          String whole = JSON.writeValueAsString(json);
          text = whole.substring(0, random.nextInt(Math.max(1, whole.length())));
          detail = "JSON cut after " + text.length() + " of " + whole.length() + " characters";
        }
        case BODY_ARRAY_INSTEAD_OF_OBJECT -> {
          text = pick("[" + JSON.writeValueAsString(json) + "]", "[]", "[null]");
          detail = "an array where the body should be an object";
        }
        case BODY_WRONG_CONTENT_TYPE -> {
          contentType =
              pick(
                  "text/plain",
                  "application/xml",
                  "application/x-www-form-urlencoded",
                  "application/json; charset=x-no-such-charset",
                  "application/json; charset=UTF-16",
                  "multipart/form-data",
                  json != null ? "text/csv" : "application/json",
                  "application/octet-stream",
                  "*/*",
                  "not a media type",
                  "application/json;;;=");
          detail = "Content-Type " + contentType;
        }
        case BODY_EMPTY -> {
          multipartPending = false;
          json = null;
          text = "";
          detail = "empty body";
        }
        case BODY_HUGE -> hugeBody();
        case BODY_DEEP_NESTING -> {
          int depth = pick(1_000, 10_000, 100_000);
          text =
              random.nextBoolean()
                  ? "[".repeat(depth) + "]".repeat(depth)
                  : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
          detail = "JSON nested " + depth + " deep";
        }
        case BODY_NOT_JSON -> {
          if (random.nextInt(4) == 0) {
            bytes = randomBytes(1 + random.nextInt(4096));
            detail = "random bytes";
          } else {
            text =
                pick(
                    "<xml/>",
                    "not json",
                    "{'single':'quotes'}",
                    "{\"a\":1}{\"b\":2}",
                    "{\"a\":1,}",
                    "{\"a\" 1}",
                    "\u0000",
                    "null",
                    "true",
                    "1",
                    "\"string\"",
                    "{\"a\":NaN}",
                    "/* comment */ {}",
                    "\uFEFF{}");
            detail = "not a JSON object";
          }
        }
        case BODY_UNEXPECTED -> {
          contentType = pick("application/json", "text/plain", "application/octet-stream");
          text = pick("{\"fuzz\":true}", "{", "fuzz", "");
          detail = "a body where none is documented";
        }
        case CSV_HOSTILE_CELL, MULTIPART_HOSTILE_FILE -> {
          text = hostileCsv(text);
          if (mutation == Mutation.MULTIPART_HOSTILE_FILE) {
            multipart(
                fileField(), pick("data.csv", "../../etc/passwd", "\u202Eexe.csv", "a\u0000.csv"));
          }
        }
        case CSV_HEADER_ONLY -> {
          text = text.lines().findFirst().orElse("") + pick("", "\n", "\r\n");
          detail = "CSV header only";
        }
        case CSV_RAGGED_ROWS -> {
          text = ragged(text);
          detail = "CSV rows of the wrong width, blank lines or an open quote";
        }
        case CSV_BINARY -> {
          bytes =
              random.nextBoolean()
                  ? randomBytes(1 + random.nextInt(4096))
                  : ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
          detail = "binary where CSV should be";
        }
        case MULTIPART_MISSING_PART -> {
          multipart(pick("other", "", "file[]"), "data.csv");
          detail = "multipart without the documented part";
        }
        case MULTIPART_BROKEN -> {
          String boundary = "fuzz-boundary";
          multipartPending = false;
          contentType = pick("multipart/form-data", "multipart/form-data; boundary=other");
          text =
              pick(
                  "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx",
                  "--" + boundary + "--\r\n",
                  "no multipart at all");
          detail = "broken multipart";
        }
      }
    }

    private void setPath(String encoded) {
      String name = pick(new ArrayList<>(encodedPath.keySet()));
      encodedPath.put(name, encoded);
      detail = "path " + name + " := " + excerpt(encoded);
    }

    /** Sets a query parameter, preferring ones of the given type (integer, date, any). */
    private void setQuery(String value, String preferredType) {
      List<FuzzOperation.Parameter> parameters = operation.in("query");
      List<FuzzOperation.Parameter> preferred =
          parameters.stream().filter(p -> isOfType(p.schema(), preferredType)).toList();
      FuzzOperation.Parameter parameter = pick(preferred.isEmpty() ? parameters : preferred);
      replaceQuery(parameter.name(), value);
    }

    private void replaceQuery(String name, String value) {
      query.removeIf(pair -> pair[0].equals(name));
      query.add(new String[] {name, value});
      detail = "query " + name + " := " + excerpt(value);
    }

    /** A body field and where it is; its parent tells which fields are required. */
    private record Field(
        JsonNode parent, String name, int index, JsonNode schema, boolean required) {}

    private List<Field> fields() {
      List<Field> fields = new ArrayList<>();
      collect(json, operation.bodySchemas().get(operation.contentTypeLike("json")), fields, 0);
      return fields;
    }

    private void collect(JsonNode node, JsonNode schema, List<Field> fields, int depth) {
      if (depth > 8) {
        return;
      }
      if (node instanceof ObjectNode object) {
        Map<String, JsonNode> properties = schemas.properties(schema);
        var required = schemas.required(schema);
        for (String name : List.copyOf(object.propertyNames())) {
          JsonNode childSchema = properties.getOrDefault(name, NODES.missingNode());
          fields.add(new Field(object, name, -1, childSchema, required.contains(name)));
          collect(object.get(name), childSchema, fields, depth + 1);
        }
      } else if (node instanceof ArrayNode array) {
        JsonNode items = schemas.flatten(schema).path("items");
        for (int i = 0; i < array.size(); i++) {
          fields.add(new Field(array, null, i, items, false));
          collect(array.get(i), items, fields, depth + 1);
        }
      }
    }

    /**
     * Replaces one field (preferring those of the kind: string, number, date) with a raw JSON
     * token; the whole body when it has no fields.
     */
    private void replaceField(String kind, Function<JsonNode, String> token) {
      List<Field> fields = fields();
      if (fields.isEmpty()) {
        String raw = token.apply(operation.bodySchemas().get(contentType));
        text = raw;
        json = null;
        detail = "body := " + excerpt(raw);
        return;
      }
      List<Field> preferred =
          kind == null
              ? List.of()
              : fields.stream().filter(f -> isOfType(f.schema(), kind)).toList();
      Field field = pick(preferred.isEmpty() ? fields : preferred);
      String raw = token.apply(field.schema());
      if (field.parent() instanceof ObjectNode object) {
        object.putRawValue(field.name(), new RawValue(raw));
      } else {
        ((ArrayNode) field.parent()).setRawValue(field.index(), new RawValue(raw));
      }
      String where = field.name() != null ? field.name() : "[" + field.index() + "]";
      detail = "field " + where + " := " + excerpt(raw);
    }

    private void removeField() {
      List<Field> named = fields().stream().filter(f -> f.name() != null).toList();
      if (named.isEmpty()) {
        json = NODES.objectNode();
        detail = "no fields at all";
        return;
      }
      List<Field> required = named.stream().filter(Field::required).toList();
      Field field = pick(required.isEmpty() ? named : required);
      ((ObjectNode) field.parent()).remove(field.name());
      detail = "field " + field.name() + " left out";
    }

    private void addUnknownField() {
      List<ObjectNode> objects = new ArrayList<>();
      if (json instanceof ObjectNode root) {
        objects.add(root);
      }
      fields().stream()
          .map(f -> f.name() != null ? f.parent().get(f.name()) : f.parent().get(f.index()))
          .filter(ObjectNode.class::isInstance)
          .map(ObjectNode.class::cast)
          .forEach(objects::add);
      if (objects.isEmpty()) {
        replaceField(null, schema -> "{\"fuzzUnknown\":1}");
        return;
      }
      String name = pick("fuzzUnknown", "id", "createdBy", "actor", "__proto__", "@class");
      pick(objects).putRawValue(name, new RawValue(pick("1", "\"x\"", "{}", "null")));
      detail = "unknown field " + name;
    }

    private void hugeBody() {
      if (json != null) {
        List<Field> strings =
            fields().stream()
                .filter(f -> f.name() != null && isOfType(f.schema(), "string"))
                .toList();
        if (!strings.isEmpty() && random.nextBoolean()) {
          Field field = pick(strings);
          ((ObjectNode) field.parent()).put(field.name(), "x".repeat(HUGE_BODY));
          detail = "field " + field.name() + " of 2 MB";
        } else {
          text = " ".repeat(HUGE_BODY) + JSON.writeValueAsString(json);
          json = null;
          detail = "2 MB of whitespace before the JSON";
        }
      } else {
        String row = text.lines().skip(1).findFirst().orElse("fuzz,1");
        StringBuilder huge = new StringBuilder(text);
        while (huge.length() < HUGE_BODY) {
          huge.append(row).append("\r\n");
        }
        text = huge.toString();
        if (multipartPending) {
          multipart(fileField(), "huge.csv");
        }
        detail = "2 MB body";
      }
    }

    private String hostileCsv(String csv) {
      List<String> lines = new ArrayList<>(csv.lines().toList());
      if (lines.isEmpty()) {
        lines.add("fuzz");
      }
      int row = random.nextInt(lines.size());
      List<String> cells = new ArrayList<>(Arrays.asList(lines.get(row).split(",", -1)));
      int column = random.nextInt(cells.size());
      String value =
          switch (random.nextInt(5)) {
            case 0 -> pick(HostileValues.INJECTIONS);
            case 1 -> pick(HostileValues.UNICODE);
            case 2 -> pick(HostileValues.DATES);
            case 3 -> pick(HostileValues.NUMBERS).replace("\"", "");
            default -> "A".repeat(HUGE_STRING);
          };
      cells.set(column, random.nextBoolean() ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
      lines.set(row, String.join(",", cells));
      detail = "CSV row " + row + " cell " + column + " := " + excerpt(value);
      return String.join("\r\n", lines) + "\r\n";
    }

    private String ragged(String csv) {
      List<String> lines = new ArrayList<>(csv.lines().toList());
      String extra =
          pick(
              "",
              ",,,,,,,,",
              "only-one-cell",
              "\"unterminated,quote",
              String.join(",", Collections.nCopies(500, "x")));
      lines.add(random.nextInt(lines.size() + 1), extra);
      return String.join(pick("\n", "\r\n", "\r"), lines);
    }

    private String fileField() {
      JsonNode schema = operation.bodySchemas().get(operation.contentTypeLike("multipart"));
      return schemas.properties(schema).keySet().stream().findFirst().orElse("file");
    }

    private void multipart(String field, String filename) {
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

    FuzzRequest toRequest(int index, String caller, Mutation mutation) {
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

    // Valid-looking values -----------------------------------------------------------------

    private String validText(String name, JsonNode rawSchema, int depth) {
      JsonNode value = validJson(name, rawSchema, depth);
      return value.isString() ? value.asString() : JSON.writeValueAsString(value);
    }

    private JsonNode validJson(String name, JsonNode rawSchema, int depth) {
      List<String> knownValues = known.get(name);
      if (knownValues != null && !knownValues.isEmpty()) {
        return NODES.stringNode(pick(knownValues));
      }
      JsonNode schema = schemas.flatten(rawSchema);
      if (schema.has("enum") && !schema.path("enum").isEmpty()) {
        return pick(new ArrayList<>(schema.path("enum").values())).deepCopy();
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
                    ? new UUID(random.nextLong(), random.nextLong()).toString()
                    : pick(knownIds);
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

    private String wrongTypeFor(JsonNode schema) {
      return switch (schemas.type(schema)) {
        case "string" -> pick("12345", "true", "{}", "[\"a\"]", "12.5");
        case "integer", "number" -> pick("\"twelve\"", "true", "{}", "[1]", "\"\"", "12.5");
        case "boolean" -> pick("\"yes\"", "2", "\"\"", "{}", "[]");
        case "array" -> pick("{}", "\"a\"", "1", "[[[]]]");
        case "object" -> pick("\"x\"", "[]", "1", "true");
        default -> pick("{}", "[]", "1", "\"x\"");
      };
    }

    private boolean isOfType(JsonNode schema, String kind) {
      String type = schemas.type(schema);
      String format = schemas.flatten(schema).path("format").asString("");
      return switch (kind) {
        case "number", "integer" -> type.equals("integer") || type.equals("number");
        // Months (yyyy-MM) are strings with a pattern rather than a format: dates too, here.
        case "date" -> format.startsWith("date") || schemas.flatten(schema).has("pattern");
        case "string" -> type.equals("string");
        default -> true;
      };
    }

    private String anyKnownId() {
      return knownIds.isEmpty()
          ? new UUID(random.nextLong(), random.nextLong()).toString()
          : pick(knownIds);
    }

    private byte[] randomBytes(int length) {
      byte[] random = new byte[length];
      this.random.nextBytes(random);
      return random;
    }

    @SafeVarargs
    private <T> T pick(T... values) {
      return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
      return values.get(random.nextInt(values.size()));
    }
  }

  private static String singular(String name) {
    return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
  }

  private static boolean looksLikeJson(String body) {
    String start = body.strip();
    return start.startsWith("{") || start.startsWith("[");
  }

  private static boolean isUuid(String value) {
    try {
      return UUID.fromString(value).toString().equalsIgnoreCase(value);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String quote(String value) {
    return JSON.writeValueAsString(value);
  }

  private static String excerpt(String value) {
    String shown =
        value.length() > 80 ? value.substring(0, 80) + "...(" + value.length() + ")" : value;
    return shown.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
  }

  /** Percent-encodes every byte but the unreserved characters, for a path segment. */
  static String encode(String value) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
      }
    }
    return encoded.toString();
  }

  /** UTF-8, except that {@link HostileValues#OVERLONG} becomes the invalid bytes 0xC0 0xAF. */
  static byte[] utf8(String text) {
    if (text.indexOf(HostileValues.OVERLONG) < 0) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] parts = text.split(String.valueOf(HostileValues.OVERLONG), -1);
    for (int i = 0; i < parts.length; i++) {
      out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
      if (i < parts.length - 1) {
        out.write(0xC0);
        out.write(0xAF);
      }
    }
    return out.toByteArray();
  }
}
