package org.mhaqi.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.EventTypes;
import org.mhaqi.events.EventTypes.EventType;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.KafkaTopicReader.Message;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Keeps the event catalogue {@code docs/asyncapi.yaml} true: every enrolment event type is
 * documented, the documented payloads match the event records, and what enrollment-service really
 * publishes on Kafka (headers, key and payload) validates against the documented schemas.
 */
@IntegrationTest
class EventCatalogueIT {

  private static final String TOPIC = Topics.ENROLLMENT_EVENTS;

  /** Where the catalogue's components are registered for {@code $ref} resolution; never fetched. */
  private static final String CATALOGUE_IRI = "https://catalogue.mhaqi.invalid/asyncapi";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Path cataloguePath;
  private static JsonNode catalogue;
  private static SchemaRegistry schemas;

  /** Message name → JSON pointer of the message in the catalogue, for the topic's channel. */
  private static Map<String, String> messages;

  private final Map<String, Schema> schemaCache = new HashMap<>();

  @LocalServerPort int port;

  @Value("${spring.kafka.bootstrap-servers}")
  String kafka;

  Api api;
  Scenario scenario;
  KafkaTopicReader reader;

  @BeforeAll
  static void loadCatalogue() throws IOException {
    cataloguePath = findCatalogue();
    catalogue = YAMLMapper.builder().build().readTree(Files.readString(cataloguePath));
    // Only the components are registered as the schema document: the AsyncAPI root (e.g. its
    // "id") is no JSON schema. Pointers such as #/components/schemas/X resolve all the same.
    ObjectNode components = JSON.createObjectNode();
    components.set("components", catalogue.required("components"));
    schemas =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            registry ->
                registry
                    .schemas(Map.of(CATALOGUE_IRI, JSON.writeValueAsString(components)))
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    messages = channelMessages(TOPIC);
  }

  @BeforeEach
  void setUp() {
    api = new Api(port);
    scenario = new Scenario(api);
    reader = new KafkaTopicReader(kafka, TOPIC);
  }

  @AfterEach
  void tearDown() {
    reader.close();
  }

  @Test
  void theCatalogueDocumentsExactlyTheEventTypesOfTheTopic() {
    Map<String, EventType> published =
        EventTypes.all().stream()
            .filter(type -> type.topic().equals(TOPIC))
            .collect(Collectors.toMap(EventType::name, type -> type));

    assertThat(new TreeSet<>(messages.keySet()))
        .as("messages of channel %s in %s vs EventTypes.all()", TOPIC, cataloguePath)
        .isEqualTo(new TreeSet<>(published.keySet()));

    List<String> violations = new ArrayList<>();
    for (EventType type : published.values()) {
      String pointer = messages.get(type.name());
      if (pointer == null) {
        continue;
      }
      JsonNode message = catalogue.at(pointer);
      requireEqual(violations, type.name(), "contentType", "application/json", message);
      Map<String, String> fixed = fixedHeaders(pointer + "/headers");
      expectHeader(violations, type, fixed, CloudEventHeaders.TYPE, type.name());
      expectHeader(
          violations,
          type,
          fixed,
          CloudEventHeaders.SCHEMA_VERSION,
          Integer.toString(type.schemaVersion()));
      expectHeader(violations, type, fixed, CloudEventHeaders.DATA_SCHEMA, type.dataSchema());
      expectHeader(
          violations,
          type,
          fixed,
          CloudEventHeaders.SPEC_VERSION,
          CloudEventHeaders.SPEC_VERSION_VALUE);
      expectHeader(violations, type, fixed, CloudEventHeaders.SOURCE, "/mhaqi/enrollment-service");
      expectHeader(violations, type, fixed, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
      if (!keySchemaPointer(pointer).isPresent()) {
        violations.add(type.name() + ": no Kafka message binding with a key schema");
      }
    }
    JsonNode operationMessages = catalogue.at("/operations/publishEnrollmentEvents/messages");
    Set<String> sent = new TreeSet<>();
    for (JsonNode reference : operationMessages) {
      sent.add(catalogue.at(resolve(reference.path("$ref").asString())).path("name").asString());
    }
    if (!sent.equals(new TreeSet<>(published.keySet()))) {
      violations.add(
          "operation publishEnrollmentEvents sends " + sent + " instead of " + published.keySet());
    }
    assertNoViolations(violations);
  }

  @Test
  void theDocumentedPayloadsMatchTheEventRecordsAndTheExamplesValidate() {
    List<String> violations = new ArrayList<>();
    for (EventType type : EventTypes.all()) {
      if (!type.topic().equals(TOPIC)) {
        continue;
      }
      String pointer = messages.get(type.name());
      if (pointer == null) {
        violations.add(type.name() + ": not documented on channel " + TOPIC);
        continue;
      }
      compare(type.payloadType(), catalogue.at(pointer + "/payload"), type.name(), violations);
      JsonNode examples = catalogue.at(pointer + "/examples");
      if (!examples.isArray() || examples.isEmpty()) {
        violations.add(type.name() + ": no example");
      }
      for (JsonNode example : examples) {
        String where = type.name() + " example " + example.path("name").asString("?");
        validate(pointer + "/headers", example.path("headers"), where + " headers", violations);
        validate(pointer + "/payload", example.path("payload"), where + " payload", violations);
        String key = example.path("headers").path(CloudEventHeaders.SUBJECT).asString();
        keySchemaPointer(pointer)
            .ifPresent(
                keySchema ->
                    validate(
                        keySchema,
                        JSON.getNodeFactory().stringNode(key),
                        where + " key",
                        violations));
      }
    }
    assertNoViolations(violations);
  }

  @Test
  void everyEventReallyPublishedConformsToTheCatalogue() {
    String programmeId = scenario.programme();
    String pilotId = scenario.pilotPhase(programmeId, 1);
    String widerId = scenario.widerPhase(programmeId, 1);
    // Interest, team member and commitment, admission: enrolled in the only place of the pilot.
    String first = scenario.committedEnrollment(pilotId);
    assertThat(scenario.admit(first).expect(200).text("status")).isEqualTo("ENROLLED");
    // The pilot is full: the next committed service is waitlisted.
    String second = scenario.committedEnrollment(pilotId);
    assertThat(scenario.admit(second).expect(200).text("status")).isEqualTo("WAITLISTED");
    // The first withdraws, which promotes the second; the second completes the phase.
    api.post(
            "/api/enrollments/" + first + "/withdrawal",
            "{\"reason\":\"Ward merged with another\"}")
        .expect(200);
    assertThat(api.get("/api/enrollments/" + second).text("status")).isEqualTo("ENROLLED");
    api.post("/api/enrollments/" + second + "/completion").expect(200);
    // Unmet pilot interest carries over into the wider phase and is declined there.
    String third = scenario.interest(scenario.nhsService(), pilotId);
    JsonNode carried = api.post("/api/phases/" + widerId + "/carry-over").expect(200).body();
    assertThat(carried).hasSize(1);
    String carriedOver = carried.get(0).path("id").asString();
    api.post(
            "/api/enrollments/" + carriedOver + "/decline",
            "{\"reason\":\"The ward is closing before the coaching window\"}")
        .expect(200);
    // An independent-sector provider is declined at once and joins the learning network.
    String independent =
        api.post(
                "/api/enrollments",
                "{\"serviceId\":\"%s\",\"phaseId\":\"%s\"}"
                    .formatted(
                        scenario.service(scenario.organisation("INDEPENDENT_SECTOR_PROVIDER")),
                        widerId))
            .expect(201)
            .id();

    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put(first, 4); // interest, team, enrolled, withdrawn
    expected.put(second, 5); // interest, team, waitlisted, enrolled (promoted), completed
    expected.put(third, 1); // interest
    expected.put(carriedOver, 2); // interest (carried over), declined
    expected.put(independent, 2); // interest, declined
    List<Message> events =
        reader
            .awaitUntil(
                all ->
                    expected.entrySet().stream()
                        .allMatch(
                            e ->
                                all.stream().filter(m -> e.getKey().equals(m.key())).count()
                                    >= e.getValue()),
                Duration.ofSeconds(60))
            .stream()
            .filter(m -> expected.containsKey(m.key()))
            .toList();

    assertThat(events)
        .extracting(m -> m.header(CloudEventHeaders.TYPE))
        .as("the scenario publishes every event type of %s", TOPIC)
        .containsAll(
            EventTypes.all().stream()
                .filter(type -> type.topic().equals(TOPIC))
                .map(EventType::name)
                .toList());
    List<String> violations = new ArrayList<>();
    for (Message event : events) {
      conform(event, violations);
    }
    assertNoViolations(violations);
  }

  /** Checks one message read off Kafka against its documented message. */
  private void conform(Message event, List<String> violations) {
    String type = event.header(CloudEventHeaders.TYPE);
    String where =
        "%s (key %s, partition %d, offset %d)"
            .formatted(type, event.key(), event.partition(), event.offset());
    String pointer = type == null ? null : messages.get(type);
    if (pointer == null) {
      violations.add(where + ": no message named " + type + " on channel " + TOPIC);
      return;
    }
    ObjectNode headers = JSON.createObjectNode();
    event.headers().forEach(headers::put);
    validate(pointer + "/headers", headers, where + " headers", violations);
    if (!event.key().equals(event.header(CloudEventHeaders.SUBJECT))) {
      violations.add(
          where + ": ce_subject " + event.header(CloudEventHeaders.SUBJECT) + " is not the key");
    }
    keySchemaPointer(pointer)
        .ifPresent(
            keySchema ->
                validate(
                    keySchema,
                    JSON.getNodeFactory().stringNode(event.key()),
                    where + " key",
                    violations));
    JsonNode payload;
    try {
      payload = JSON.readTree(event.value());
    } catch (JacksonException e) {
      violations.add(where + " payload: not JSON: " + e.getOriginalMessage());
      return;
    }
    validate(pointer + "/payload", payload, where + " payload", violations);
  }

  private void validate(String pointer, JsonNode instance, String where, List<String> violations) {
    Schema schema =
        schemaCache.computeIfAbsent(
            pointer, p -> schemas.getSchema(SchemaLocation.of(CATALOGUE_IRI + "#" + p)));
    for (Error error : schema.validate(instance)) {
      String at = error.getInstanceLocation().toString();
      violations.add(where + " at " + (at.isEmpty() ? "/" : at) + ": " + error.getMessage());
    }
  }

  /**
   * Compares a documented object schema with the record it documents: the same fields, each with a
   * description, a JSON type and format that fit the Java type, the enumeration's constants, and
   * {@code required} exactly for the fields that can never be null.
   */
  private static void compare(
      Class<?> record, JsonNode schema, String where, List<String> violations) {
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
      String format = format(javaType);
      if (format != null && !format.equals(property.path("format").asString(null))) {
        violations.add(field + ": format must be " + format);
      }
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
          } else if (!items.path("type").asString("").equals(jsonType(elementClass))) {
            violations.add(field + "[]: items type must be " + jsonType(elementClass));
          }
          checkEnum(elementClass, items, field + "[]", violations);
        }
      }
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
    property.path("enum").forEach(value -> documented.add(value.asString()));
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

  /** The constant header values a message's headers schema fixes, through allOf and $ref. */
  private static Map<String, String> fixedHeaders(String pointer) {
    Map<String, String> fixed = new HashMap<>();
    collectConstants(catalogue.at(resolve(pointer)), fixed);
    return fixed;
  }

  private static void collectConstants(JsonNode schema, Map<String, String> fixed) {
    if (schema.has("$ref")) {
      collectConstants(catalogue.at(resolve(schema.path("$ref").asString())), fixed);
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

  private static void expectHeader(
      List<String> violations,
      EventType type,
      Map<String, String> fixed,
      String header,
      String value) {
    if (!value.equals(fixed.get(header))) {
      violations.add(
          type.name()
              + ": header "
              + header
              + " must be fixed to \""
              + value
              + "\", not "
              + fixed.get(header));
    }
  }

  private static void requireEqual(
      List<String> violations, String message, String field, String value, JsonNode node) {
    if (!value.equals(node.path(field).asString(null))) {
      violations.add(message + ": " + field + " must be " + value);
    }
  }

  /** The pointer of the message's Kafka key schema, following a $ref to message bindings. */
  private static Optional<String> keySchemaPointer(String messagePointer) {
    String bindings = resolve(messagePointer + "/bindings");
    String key = bindings + "/kafka/key";
    return catalogue.at(key).isObject() ? Optional.of(key) : Optional.empty();
  }

  /** The messages of the channel with that address, by name, with $refs followed. */
  private static Map<String, String> channelMessages(String address) {
    Map<String, String> found = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> channel : catalogue.path("channels").properties()) {
      if (!address.equals(channel.getValue().path("address").asString(null))) {
        continue;
      }
      String channelPointer = "/channels/" + escape(channel.getKey());
      for (String id : channel.getValue().path("messages").propertyNames()) {
        String pointer = resolve(channelPointer + "/messages/" + escape(id));
        found.put(catalogue.at(pointer).path("name").asString(id), pointer);
      }
    }
    return found;
  }

  /** Follows local $refs ("#/...") from the node at the pointer to the node they name. */
  private static String resolve(String pointer) {
    String current = pointer.startsWith("#") ? pointer.substring(1) : pointer;
    for (int hops = 0; hops < 10; hops++) {
      JsonNode node = catalogue.at(current);
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

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static void assertNoViolations(List<String> violations) {
    if (!violations.isEmpty()) {
      fail(
          violations.size()
              + " violation(s) of the event catalogue "
              + cataloguePath
              + ":\n  "
              + String.join("\n  ", violations));
    }
  }

  private static Path findCatalogue() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs").resolve("asyncapi.yaml");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("No docs/asyncapi.yaml in " + start + " or above");
  }
}
