package org.mhaqi.testing;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.EventTypes;
import org.mhaqi.events.EventTypes.EventType;
import org.mhaqi.testing.KafkaTopicReader.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The event catalogue {@code docs/asyncapi.yaml} (AsyncAPI 3), seen from one channel, for the tests
 * that keep it true: the channel documents exactly the {@link EventTypes} of its topic, with the
 * fixed CloudEvents headers, a Kafka key and payload schemas that match the event records; its
 * examples validate; and what a service really publishes validates against the schemas.
 *
 * <p>Every check returns the list of violations found (empty when all is well), so that a test
 * reports them all at once with {@link #assertNoViolations(List)}. Schemas are validated as JSON
 * Schema draft 7 with format assertions ({@code uuid}, {@code date}, {@code date-time}) on.
 */
public final class EventCatalogue {

  /** Where the catalogue's components are registered for {@code $ref} resolution; never fetched. */
  private static final String CATALOGUE_IRI = "https://catalogue.mhaqi.invalid/asyncapi";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path path;
  private final JsonNode catalogue;
  private final SchemaRegistry schemas;
  private final String topic;
  private final String source;

  /** Message name → JSON pointer of the message in the catalogue, for the topic's channel. */
  private final Map<String, String> messages;

  private final Map<String, Schema> schemaCache = new ConcurrentHashMap<>();

  private EventCatalogue(Path path, String topic, String producer) {
    this.path = path;
    this.topic = topic;
    this.source = "/mhaqi/" + producer;
    try {
      this.catalogue = YAMLMapper.builder().build().readTree(Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the event catalogue " + path, e);
    }
    // Only the components are registered as the schema document: the AsyncAPI root (e.g. its
    // "id") is no JSON schema. Pointers such as #/components/schemas/X resolve all the same.
    ObjectNode components = JSON.createObjectNode();
    components.set("components", catalogue.required("components"));
    this.schemas =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            registry ->
                registry
                    .schemas(Map.of(CATALOGUE_IRI, JSON.writeValueAsString(components)))
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    this.messages = channelMessages(topic);
  }

  /**
   * The channel of a topic in {@code docs/asyncapi.yaml}, found by walking up from the working
   * directory (a module's directory under Maven) to the repository root.
   *
   * @param topic the channel's address, e.g. {@code Topics.COACHING_EVENTS}
   * @param producer the one service that publishes on it, e.g. {@code coaching-service}: the
   *     headers must fix {@code ce_source} to {@code /mhaqi/<producer>}
   */
  public static EventCatalogue forChannel(String topic, String producer) {
    return forChannel(findCatalogue(), topic, producer);
  }

  /** The channel of a topic in the given AsyncAPI document. */
  public static EventCatalogue forChannel(Path catalogue, String topic, String producer) {
    return new EventCatalogue(catalogue, topic, producer);
  }

  /** The catalogue file read. */
  public Path path() {
    return path;
  }

  /** The channel's address, the Kafka topic. */
  public String topic() {
    return topic;
  }

  /** The whole AsyncAPI document, for checks of its own a test wants to add. */
  public JsonNode document() {
    return catalogue;
  }

  /** The names of the messages the channel documents, sorted. */
  public Set<String> messageNames() {
    return Collections.unmodifiableSet(new TreeSet<>(messages.keySet()));
  }

  /** The names of the event types {@link EventTypes} publishes on the topic, sorted. */
  public Set<String> eventTypeNames() {
    return eventTypes().stream()
        .map(EventType::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The event types {@link EventTypes} publishes on the topic. */
  public List<EventType> eventTypes() {
    return EventTypes.all().stream().filter(type -> type.topic().equals(topic)).toList();
  }

  /**
   * The channel documents exactly the topic's event types, each with content type {@code
   * application/json}, headers fixing {@code ce_type}, {@code ce_schemaversion}, {@code
   * ce_dataschema}, {@code ce_specversion}, {@code ce_source} and {@code content-type}, and a Kafka
   * message binding with a key schema.
   */
  public List<String> checkMessages() {
    List<String> violations = new ArrayList<>();
    if (messages.isEmpty()) {
      violations.add("no channel with address " + topic);
    }
    Set<String> documented = messageNames();
    Set<String> published = eventTypeNames();
    if (!documented.equals(published)) {
      violations.add(
          "channel " + topic + " documents " + documented + " but EventTypes has " + published);
    }
    for (EventType type : eventTypes()) {
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
      expectHeader(violations, type, fixed, CloudEventHeaders.SOURCE, source);
      expectHeader(violations, type, fixed, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
      if (keySchemaPointer(pointer).isEmpty()) {
        violations.add(type.name() + ": no Kafka message binding with a key schema");
      }
    }
    return violations;
  }

  /**
   * The operation is the producer's {@code send} on this channel, with exactly the topic's event
   * types as its messages.
   */
  public List<String> checkSendOperation(String operationId) {
    List<String> violations = new ArrayList<>();
    JsonNode operation = operation(operationId, "send", violations);
    if (operation == null) {
      return violations;
    }
    Set<String> sent = operationMessageNames(operation);
    if (!sent.equals(eventTypeNames())) {
      violations.add(
          "operation " + operationId + " sends " + sent + " instead of " + eventTypeNames());
    }
    return violations;
  }

  /**
   * The operation is a consumer's {@code receive} on this channel: of exactly the messages named,
   * with the consumer group as its Kafka {@code groupId} (a schema whose {@code const} or {@code
   * enum} allows the group) and the dead-letter topic as {@code x-dead-letter-topic}.
   *
   * @param messageNames the event types the consumer handles (others are only acknowledged)
   */
  public List<String> checkReceiveOperation(
      String operationId, String consumerGroup, String deadLetterTopic, Set<String> messageNames) {
    List<String> violations = new ArrayList<>();
    JsonNode operation = operation(operationId, "receive", violations);
    if (operation == null) {
      return violations;
    }
    Set<String> received = operationMessageNames(operation);
    if (!received.equals(new TreeSet<>(messageNames))) {
      violations.add(
          "operation "
              + operationId
              + " receives "
              + received
              + " instead of "
              + new TreeSet<>(messageNames));
    }
    for (String name : received) {
      if (!messages.containsKey(name)) {
        violations.add(
            "operation " + operationId + " receives " + name + ", not a message of " + topic);
      }
    }
    JsonNode groupId =
        catalogue.at(resolve(pointerOf(operationId) + "/bindings") + "/kafka/groupId");
    Set<String> groups = new TreeSet<>();
    if (groupId.has("const")) {
      groups.add(groupId.path("const").asString());
    }
    groupId.path("enum").forEach(group -> groups.add(group.asString()));
    if (!groups.equals(Set.of(consumerGroup))) {
      violations.add(
          "operation "
              + operationId
              + ": Kafka binding groupId allows "
              + groups
              + " instead of ["
              + consumerGroup
              + "]");
    }
    String documentedDeadLetters = operation.path("x-dead-letter-topic").asString(null);
    if (!deadLetterTopic.equals(documentedDeadLetters)) {
      violations.add(
          "operation "
              + operationId
              + ": x-dead-letter-topic is "
              + documentedDeadLetters
              + " instead of "
              + deadLetterTopic);
    }
    return violations;
  }

  /**
   * Every event type of the topic is documented with a payload schema that matches its record (the
   * same fields, each described, with fitting types, formats and enumerations, and {@code required}
   * exactly for the fields that are never null; nested records and lists alike) and at least one
   * example whose headers, key and payload validate.
   */
  public List<String> checkPayloadsAndExamples() {
    List<String> violations = new ArrayList<>();
    for (EventType type : eventTypes()) {
      String pointer = messages.get(type.name());
      if (pointer == null) {
        violations.add(type.name() + ": not documented on channel " + topic);
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
    return violations;
  }

  /**
   * Checks one message read off Kafka against its documented message: it is on this topic, its
   * {@code ce_type} names a message of the channel, its headers, key and JSON payload validate, and
   * {@code ce_subject} is the key.
   *
   * @return the violations, empty when the message conforms
   */
  public List<String> validate(Message event) {
    List<String> violations = new ArrayList<>();
    String type = event.header(CloudEventHeaders.TYPE);
    String where =
        "%s (key %s, partition %d, offset %d)"
            .formatted(type, event.key(), event.partition(), event.offset());
    if (!topic.equals(event.topic())) {
      violations.add(where + ": read from " + event.topic() + ", not from channel " + topic);
    }
    String pointer = type == null ? null : messages.get(type);
    if (pointer == null) {
      violations.add(where + ": no message named " + type + " on channel " + topic);
      return violations;
    }
    ObjectNode headers = JSON.createObjectNode();
    event.headers().forEach(headers::put);
    validate(pointer + "/headers", headers, where + " headers", violations);
    if (event.key() == null || !event.key().equals(event.header(CloudEventHeaders.SUBJECT))) {
      violations.add(
          where + ": ce_subject " + event.header(CloudEventHeaders.SUBJECT) + " is not the key");
    }
    keySchemaPointer(pointer)
        .ifPresent(
            keySchema ->
                validate(
                    keySchema,
                    event.key() == null
                        ? JSON.getNodeFactory().nullNode()
                        : JSON.getNodeFactory().stringNode(event.key()),
                    where + " key",
                    violations));
    if (event.value() == null) {
      violations.add(where + " payload: none (a tombstone)");
      return violations;
    }
    JsonNode payload;
    try {
      payload = JSON.readTree(event.value());
    } catch (JacksonException e) {
      violations.add(where + " payload: not JSON: " + e.getOriginalMessage());
      return violations;
    }
    validate(pointer + "/payload", payload, where + " payload", violations);
    return violations;
  }

  /** Fails with every violation listed, naming the catalogue; does nothing when there are none. */
  public void assertNoViolations(List<String> violations) {
    if (!violations.isEmpty()) {
      throw new AssertionError(
          violations.size()
              + " violation(s) of the event catalogue "
              + path
              + " (channel "
              + topic
              + "):\n  "
              + String.join("\n  ", violations));
    }
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
   * description, a JSON type and format that fit the Java type (a local date-time, which has no
   * JSON Schema format, needs a pattern), the enumeration's constants, and {@code required} exactly
   * for the fields that can never be null.
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

  /** The operation with that id, if it is the given action on this channel; else null. */
  private JsonNode operation(String operationId, String action, List<String> violations) {
    String pointer = pointerOf(operationId);
    JsonNode operation = catalogue.at(pointer);
    if (!operation.isObject()) {
      violations.add("no operation " + operationId);
      return null;
    }
    if (!action.equals(operation.path("action").asString(null))) {
      violations.add("operation " + operationId + ": action must be " + action);
    }
    String channel = resolve(pointer + "/channel");
    if (!topic.equals(catalogue.at(channel).path("address").asString(null))) {
      violations.add("operation " + operationId + ": channel must be the one of " + topic);
    }
    return operation;
  }

  private Set<String> operationMessageNames(JsonNode operation) {
    Set<String> names = new TreeSet<>();
    for (JsonNode reference : operation.path("messages")) {
      names.add(catalogue.at(resolve(reference.path("$ref").asString())).path("name").asString());
    }
    return names;
  }

  private static String pointerOf(String operationId) {
    return "/operations/" + escape(operationId);
  }

  /** The constant header values a message's headers schema fixes, through allOf and $ref. */
  private Map<String, String> fixedHeaders(String pointer) {
    Map<String, String> fixed = new HashMap<>();
    collectConstants(catalogue.at(resolve(pointer)), fixed);
    return fixed;
  }

  private void collectConstants(JsonNode schema, Map<String, String> fixed) {
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
  private Optional<String> keySchemaPointer(String messagePointer) {
    String bindings = resolve(messagePointer + "/bindings");
    String key = bindings + "/kafka/key";
    return catalogue.at(key).isObject() ? Optional.of(key) : Optional.empty();
  }

  /** The messages of the channel with that address, by name, with $refs followed. */
  private Map<String, String> channelMessages(String address) {
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
  private String resolve(String pointer) {
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

  /** Escapes a name as one JSON pointer token. */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static Path findCatalogue() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs").resolve("asyncapi.yaml");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      if (Files.exists(dir.resolve(".git"))) {
        break;
      }
    }
    throw new IllegalStateException(
        "No docs/asyncapi.yaml in " + start + " or above, up to the repository root");
  }
}
