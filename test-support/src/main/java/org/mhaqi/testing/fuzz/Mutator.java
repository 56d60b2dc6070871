package org.mhaqi.testing.fuzz;

import static org.mhaqi.testing.fuzz.RequestText.JSON;
import static org.mhaqi.testing.fuzz.RequestText.encode;
import static org.mhaqi.testing.fuzz.RequestText.excerpt;
import static org.mhaqi.testing.fuzz.RequestText.quote;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Changes one part of a {@link DraftRequest} as a {@link Mutation} says: a path or query parameter,
 * a body field, the body as a whole, a CSV cell or the multipart form; and notes what it did in the
 * draft's detail.
 */
final class Mutator {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int HUGE_STRING = 100_000;
  private static final int HUGE_BODY = 2 * 1024 * 1024;

  private final DraftRequest draft;
  private final Chance random;
  private final Schemas schemas;
  private final ValidValues values;

  Mutator(DraftRequest draft, Chance random, Schemas schemas, ValidValues values) {
    this.draft = draft;
    this.random = random;
    this.schemas = schemas;
    this.values = values;
  }

  void apply(Mutation mutation) {
    // Mutations of the multipart form itself, or of its size, wrap the file themselves.
    if (draft.multipartPending
        && !mutation.name().startsWith("MULTIPART_")
        && mutation != Mutation.BODY_HUGE
        && mutation != Mutation.BODY_EMPTY) {
      draft.multipart(draft.fileField(), "returns.csv");
    }
    switch (mutation) {
      case VALID -> {}
      case PATH_RANDOM_UUID -> draft.setPath(encode(random.uuid().toString()));
      case PATH_NOT_UUID ->
          draft.setPath(
              encode(
                  random.pick(
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
                      values.anyKnownId().toUpperCase(Locale.ROOT),
                      values.anyKnownId() + "x")));
      // Long enough to be absurd, short enough (with the token) for the server's 8 KB of
      // request head: longer ones are refused by the container before the service sees them,
      // and its closing the connection on the unread rest can reset the answer away.
      case PATH_HUGE ->
          draft.setPath(
              encode(
                  random
                      .pick("a", "7", values.anyKnownId())
                      .repeat(6_000)
                      .substring(0, random.pick(1_001, 3_000, 6_000))));
      case PATH_UNICODE ->
          draft.setPath(
              random.nextInt(4) == 0
                  ? random.pick("%C0%AF", "%ED%A0%80", "%FF%FE", "%E2%80%AE")
                  : encode(random.pick(HostileValues.UNICODE)));
      case PATH_TRAVERSAL ->
          draft.setPath(
              random.pick(
                  "..",
                  "%2e%2e",
                  "..%2F..%2Factuator%2Fenv",
                  "../../actuator/env",
                  "..%5C..%5C",
                  "%2F",
                  ".%2e",
                  "..;",
                  values.anyKnownId() + ";jsessionid=x",
                  "%252e%252e%252f"));
      case PATH_NUL ->
          draft.setPath(
              random.pick("%00", "x%00", values.anyKnownId() + "%00", "%00" + values.anyKnownId()));
      case QUERY_WRONG_TYPE -> draft.setQuery(random.pick(HostileValues.WRONG_QUERY_TYPES), "any");
      case QUERY_EXTREME_NUMBER ->
          draft.setQuery(random.pick(HostileValues.EXTREME_QUERY_NUMBERS), "integer");
      case QUERY_EXTREME_DATE -> draft.setQuery(random.pick(HostileValues.DATES), "date");
      case QUERY_INJECTION -> {
        FuzzOperation.Parameter parameter = random.pick(draft.operation.in("query"));
        String value =
            parameter.name().equals("sort") && random.nextBoolean()
                ? random.pick(HostileValues.SORTS)
                : random.nextBoolean()
                    ? random.pick(HostileValues.INJECTIONS)
                    : random.pick(HostileValues.UNICODE);
        draft.replaceQuery(parameter.name(), value);
      }
      case QUERY_UNKNOWN_OR_REPEATED -> {
        if (draft.query.isEmpty() || random.nextBoolean()) {
          draft.query.add(new String[] {random.pick("fuzzUnknown", "id", "debug", "_method"), "1"});
          draft.detail = "undocumented query parameter";
        } else {
          String[] existing = random.pick(draft.query);
          draft.query.add(new String[] {existing[0], random.pick("1", "x", existing[1] + "x")});
          draft.detail = "query parameter " + existing[0] + " twice";
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
                  quote(
                      random
                          .pick("A", "\uD83D\uDE00", "' OR 1=1--", "\u0301")
                          .repeat(HUGE_STRING)));
      case FIELD_INJECTION ->
          replaceField("string", schema -> quote(random.pick(HostileValues.INJECTIONS)));
      case FIELD_UNICODE ->
          replaceField("string", schema -> quote(random.pick(HostileValues.UNICODE)));
      case FIELD_BROKEN_UNICODE ->
          replaceField("string", schema -> random.pick(HostileValues.BROKEN_UNICODE_JSON));
      case FIELD_EXTREME_NUMBER ->
          replaceField("number", schema -> random.pick(HostileValues.NUMBERS));
      case FIELD_EXTREME_DATE ->
          replaceField("date", schema -> quote(random.pick(HostileValues.DATES)));
      case BODY_TRUNCATED -> {
        String whole = JSON.writeValueAsString(draft.json);
        draft.text = whole.substring(0, random.nextInt(Math.max(1, whole.length())));
        draft.detail =
            "JSON cut after " + draft.text.length() + " of " + whole.length() + " characters";
      }
      case BODY_ARRAY_INSTEAD_OF_OBJECT -> {
        draft.text = random.pick("[" + JSON.writeValueAsString(draft.json) + "]", "[]", "[null]");
        draft.detail = "an array where the body should be an object";
      }
      case BODY_WRONG_CONTENT_TYPE -> {
        draft.contentType =
            random.pick(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "application/json; charset=x-no-such-charset",
                "application/json; charset=UTF-16",
                "multipart/form-data",
                draft.json != null ? "text/csv" : "application/json",
                "application/octet-stream",
                "*/*",
                "not a media type",
                "application/json;;;=");
        draft.detail = "Content-Type " + draft.contentType;
      }
      case BODY_EMPTY -> {
        draft.multipartPending = false;
        draft.json = null;
        draft.text = "";
        draft.detail = "empty body";
      }
      case BODY_HUGE -> hugeBody();
      case BODY_DEEP_NESTING -> {
        int depth = random.pick(1_000, 10_000, 100_000);
        draft.text =
            random.nextBoolean()
                ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        draft.detail = "JSON nested " + depth + " deep";
      }
      case BODY_NOT_JSON -> {
        if (random.nextInt(4) == 0) {
          draft.bytes = random.bytes(1 + random.nextInt(4096));
          draft.detail = "random bytes";
        } else {
          draft.text =
              random.pick(
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
          draft.detail = "not a JSON object";
        }
      }
      case BODY_UNEXPECTED -> {
        draft.contentType =
            random.pick("application/json", "text/plain", "application/octet-stream");
        draft.text = random.pick("{\"fuzz\":true}", "{", "fuzz", "");
        draft.detail = "a body where none is documented";
      }
      case CSV_HOSTILE_CELL, MULTIPART_HOSTILE_FILE -> {
        draft.text = hostileCsv(draft.text);
        if (mutation == Mutation.MULTIPART_HOSTILE_FILE) {
          draft.multipart(
              draft.fileField(),
              random.pick("data.csv", "../../etc/passwd", "\u202Eexe.csv", "a\u0000.csv"));
        }
      }
      case CSV_HEADER_ONLY -> {
        draft.text = draft.text.lines().findFirst().orElse("") + random.pick("", "\n", "\r\n");
        draft.detail = "CSV header only";
      }
      case CSV_RAGGED_ROWS -> {
        draft.text = ragged(draft.text);
        draft.detail = "CSV rows of the wrong width, blank lines or an open quote";
      }
      case CSV_BINARY -> {
        draft.bytes =
            random.nextBoolean()
                ? random.bytes(1 + random.nextInt(4096))
                : ("\uFEFF" + draft.text).getBytes(StandardCharsets.UTF_16LE);
        draft.detail = "binary where CSV should be";
      }
      case MULTIPART_MISSING_PART -> {
        draft.multipart(random.pick("other", "", "file[]"), "data.csv");
        draft.detail = "multipart without the documented part";
      }
      case MULTIPART_BROKEN -> {
        String boundary = "fuzz-boundary";
        draft.multipartPending = false;
        draft.contentType =
            random.pick("multipart/form-data", "multipart/form-data; boundary=other");
        draft.text =
            random.pick(
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx",
                "--" + boundary + "--\r\n",
                "no multipart at all");
        draft.detail = "broken multipart";
      }
    }
  }

  /** A body field and where it is; its parent tells which fields are required. */
  private record Field(
      JsonNode parent, String name, int index, JsonNode schema, boolean required) {}

  private List<Field> fields() {
    List<Field> fields = new ArrayList<>();
    collect(
        draft.json,
        draft.operation.bodySchemas().get(draft.operation.contentTypeLike("json")),
        fields,
        0);
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
   * Replaces one field (preferring those of the kind: string, number, date) with a raw JSON token;
   * the whole body when it has no fields.
   */
  private void replaceField(String kind, Function<JsonNode, String> token) {
    List<Field> fields = fields();
    if (fields.isEmpty()) {
      String raw = token.apply(draft.operation.bodySchemas().get(draft.contentType));
      draft.text = raw;
      draft.json = null;
      draft.detail = "body := " + excerpt(raw);
      return;
    }
    List<Field> preferred =
        kind == null
            ? List.of()
            : fields.stream().filter(f -> schemas.isOfKind(f.schema(), kind)).toList();
    Field field = random.pick(preferred.isEmpty() ? fields : preferred);
    String raw = token.apply(field.schema());
    if (field.parent() instanceof ObjectNode object) {
      object.putRawValue(field.name(), new RawValue(raw));
    } else {
      ((ArrayNode) field.parent()).setRawValue(field.index(), new RawValue(raw));
    }
    String where = field.name() != null ? field.name() : "[" + field.index() + "]";
    draft.detail = "field " + where + " := " + excerpt(raw);
  }

  private void removeField() {
    List<Field> named = fields().stream().filter(f -> f.name() != null).toList();
    if (named.isEmpty()) {
      draft.json = NODES.objectNode();
      draft.detail = "no fields at all";
      return;
    }
    List<Field> required = named.stream().filter(Field::required).toList();
    Field field = random.pick(required.isEmpty() ? named : required);
    ((ObjectNode) field.parent()).remove(field.name());
    draft.detail = "field " + field.name() + " left out";
  }

  private void addUnknownField() {
    List<ObjectNode> objects = new ArrayList<>();
    if (draft.json instanceof ObjectNode root) {
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
    String name = random.pick("fuzzUnknown", "id", "createdBy", "actor", "__proto__", "@class");
    random.pick(objects).putRawValue(name, new RawValue(random.pick("1", "\"x\"", "{}", "null")));
    draft.detail = "unknown field " + name;
  }

  private void hugeBody() {
    if (draft.json != null) {
      List<Field> strings =
          fields().stream()
              .filter(f -> f.name() != null && schemas.isOfKind(f.schema(), "string"))
              .toList();
      if (!strings.isEmpty() && random.nextBoolean()) {
        Field field = random.pick(strings);
        ((ObjectNode) field.parent()).put(field.name(), "x".repeat(HUGE_BODY));
        draft.detail = "field " + field.name() + " of 2 MB";
      } else {
        draft.text = " ".repeat(HUGE_BODY) + JSON.writeValueAsString(draft.json);
        draft.json = null;
        draft.detail = "2 MB of whitespace before the JSON";
      }
    } else {
      String row = draft.text.lines().skip(1).findFirst().orElse("fuzz,1");
      StringBuilder huge = new StringBuilder(draft.text);
      while (huge.length() < HUGE_BODY) {
        huge.append(row).append("\r\n");
      }
      draft.text = huge.toString();
      if (draft.multipartPending) {
        draft.multipart(draft.fileField(), "huge.csv");
      }
      draft.detail = "2 MB body";
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
          case 0 -> random.pick(HostileValues.INJECTIONS);
          case 1 -> random.pick(HostileValues.UNICODE);
          case 2 -> random.pick(HostileValues.DATES);
          case 3 -> random.pick(HostileValues.NUMBERS).replace("\"", "");
          default -> "A".repeat(HUGE_STRING);
        };
    cells.set(column, random.nextBoolean() ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
    lines.set(row, String.join(",", cells));
    draft.detail = "CSV row " + row + " cell " + column + " := " + excerpt(value);
    return String.join("\r\n", lines) + "\r\n";
  }

  private String ragged(String csv) {
    List<String> lines = new ArrayList<>(csv.lines().toList());
    String extra =
        random.pick(
            "",
            ",,,,,,,,",
            "only-one-cell",
            "\"unterminated,quote",
            String.join(",", Collections.nCopies(500, "x")));
    lines.add(random.nextInt(lines.size() + 1), extra);
    return String.join(random.pick("\n", "\r\n", "\r"), lines);
  }

  private String wrongTypeFor(JsonNode schema) {
    return switch (schemas.type(schema)) {
      case "string" -> random.pick("12345", "true", "{}", "[\"a\"]", "12.5");
      case "integer", "number" -> random.pick("\"twelve\"", "true", "{}", "[1]", "\"\"", "12.5");
      case "boolean" -> random.pick("\"yes\"", "2", "\"\"", "{}", "[]");
      case "array" -> random.pick("{}", "\"a\"", "1", "[[[]]]");
      case "object" -> random.pick("\"x\"", "[]", "1", "true");
      default -> random.pick("{}", "[]", "1", "\"x\"");
    };
  }
}
