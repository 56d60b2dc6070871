package org.mhaqi.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.EventTypes;
import org.mhaqi.events.EventTypes.EventType;
import org.mhaqi.testing.KafkaTopicReader.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AsyncApiDocument catalogue;
  private final CatalogueSchemas schemas;
  private final String topic;
  private final String source;

  /** Message name → JSON pointer of the message in the catalogue, for the topic's channel. */
  private final Map<String, String> messages;

  private EventCatalogue(Path path, String topic, String producer) {
    this.topic = topic;
    this.source = "/mhaqi/" + producer;
    this.catalogue = AsyncApiDocument.read(path);
    this.schemas = new CatalogueSchemas(catalogue.root());
    this.messages = catalogue.channelMessages(topic);
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
    return forChannel(AsyncApiDocument.find(), topic, producer);
  }

  /** The channel of a topic in the given AsyncAPI document. */
  public static EventCatalogue forChannel(Path catalogue, String topic, String producer) {
    return new EventCatalogue(catalogue, topic, producer);
  }

  /** The catalogue file read. */
  public Path path() {
    return catalogue.path();
  }

  /** The channel's address, the Kafka topic. */
  public String topic() {
    return topic;
  }

  /** The whole AsyncAPI document, for checks of its own a test wants to add. */
  public JsonNode document() {
    return catalogue.root();
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
      Map<String, String> fixed = catalogue.fixedHeaders(pointer + "/headers");
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
      if (catalogue.keySchemaPointer(pointer).isEmpty()) {
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
    Set<String> sent = catalogue.operationMessageNames(operation);
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
    Set<String> received = catalogue.operationMessageNames(operation);
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
        catalogue.at(
            catalogue.resolve(AsyncApiDocument.pointerOf(operationId) + "/bindings")
                + "/kafka/groupId");
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
      RecordSchemaComparison.compare(
          type.payloadType(), catalogue.at(pointer + "/payload"), type.name(), violations);
      JsonNode examples = catalogue.at(pointer + "/examples");
      if (!examples.isArray() || examples.isEmpty()) {
        violations.add(type.name() + ": no example");
      }
      for (JsonNode example : examples) {
        String where = type.name() + " example " + example.path("name").asString("?");
        schemas.validate(
            pointer + "/headers", example.path("headers"), where + " headers", violations);
        schemas.validate(
            pointer + "/payload", example.path("payload"), where + " payload", violations);
        String key = example.path("headers").path(CloudEventHeaders.SUBJECT).asString();
        catalogue
            .keySchemaPointer(pointer)
            .ifPresent(
                keySchema ->
                    schemas.validate(
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
    schemas.validate(pointer + "/headers", headers, where + " headers", violations);
    if (event.key() == null || !event.key().equals(event.header(CloudEventHeaders.SUBJECT))) {
      violations.add(
          where + ": ce_subject " + event.header(CloudEventHeaders.SUBJECT) + " is not the key");
    }
    catalogue
        .keySchemaPointer(pointer)
        .ifPresent(
            keySchema ->
                schemas.validate(
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
    schemas.validate(pointer + "/payload", payload, where + " payload", violations);
    return violations;
  }

  /** Fails with every violation listed, naming the catalogue; does nothing when there are none. */
  public void assertNoViolations(List<String> violations) {
    if (!violations.isEmpty()) {
      throw new AssertionError(
          violations.size()
              + " violation(s) of the event catalogue "
              + catalogue.path()
              + " (channel "
              + topic
              + "):\n  "
              + String.join("\n  ", violations));
    }
  }

  /** The operation with that id, if it is the given action on this channel; else null. */
  private JsonNode operation(String operationId, String action, List<String> violations) {
    String pointer = AsyncApiDocument.pointerOf(operationId);
    JsonNode operation = catalogue.at(pointer);
    if (!operation.isObject()) {
      violations.add("no operation " + operationId);
      return null;
    }
    if (!action.equals(operation.path("action").asString(null))) {
      violations.add("operation " + operationId + ": action must be " + action);
    }
    String channel = catalogue.resolve(pointer + "/channel");
    if (!topic.equals(catalogue.at(channel).path("address").asString(null))) {
      violations.add("operation " + operationId + ": channel must be the one of " + topic);
    }
    return operation;
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
}
