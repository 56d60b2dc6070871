package org.mhaqi.support.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.mhaqi.events.CloudEventHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * The CloudEvents attributes of a consumed message (Kafka protocol binding, binary content mode):
 * read from the {@code ce_*} headers, the payload left as the raw JSON bytes.
 *
 * @param id the event id ({@code ce_id}); consumers deduplicate by it
 * @param type the logical event type ({@code ce_type})
 * @param schemaVersion the payload schema version ({@code ce_schemaversion})
 * @param source the producing service ({@code ce_source}); may be null
 * @param subject the aggregate id, also the message key ({@code ce_subject}); may be null
 * @param time when the event happened ({@code ce_time}); may be null
 */
public record EventEnvelope(
    UUID id,
    String type,
    int schemaVersion,
    String source,
    String subject,
    Instant time,
    byte[] payload) {

  /**
   * Reads the envelope of a message.
   *
   * @throws PoisonEventException when a required attribute is missing or malformed
   */
  public static EventEnvelope of(Message<byte[]> message) {
    MessageHeaders headers = message.getHeaders();
    String id = header(headers, CloudEventHeaders.ID);
    String type = header(headers, CloudEventHeaders.TYPE);
    String version = header(headers, CloudEventHeaders.SCHEMA_VERSION);
    if (id == null || type == null || version == null) {
      throw new PoisonEventException(
          "Not a platform event: headers "
              + CloudEventHeaders.ID
              + ", "
              + CloudEventHeaders.TYPE
              + " and "
              + CloudEventHeaders.SCHEMA_VERSION
              + " are required (ce_id="
              + id
              + ", ce_type="
              + type
              + ", ce_schemaversion="
              + version
              + ")");
    }
    UUID eventId;
    int schemaVersion;
    Instant time;
    try {
      eventId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException("ce_id '" + id + "' of a " + type + " is not a UUID", e);
    }
    try {
      schemaVersion = Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw new PoisonEventException(
          "ce_schemaversion '" + version + "' of " + type + " " + id + " is not a number", e);
    }
    String timeHeader = header(headers, CloudEventHeaders.TIME);
    try {
      time = timeHeader == null ? null : Instant.parse(timeHeader);
    } catch (DateTimeParseException e) {
      throw new PoisonEventException(
          "ce_time '" + timeHeader + "' of " + type + " " + id + " is not an RFC 3339 time", e);
    }
    return new EventEnvelope(
        eventId,
        type,
        schemaVersion,
        header(headers, CloudEventHeaders.SOURCE),
        header(headers, CloudEventHeaders.SUBJECT),
        time,
        message.getPayload());
  }

  /** A header as text, whether the binder mapped it to bytes or to a string. */
  static String header(MessageHeaders headers, String name) {
    Object value = headers.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return value.toString();
  }

  @Override
  public String toString() {
    return type + " v" + schemaVersion + " " + id + " (subject " + subject + ")";
  }
}
