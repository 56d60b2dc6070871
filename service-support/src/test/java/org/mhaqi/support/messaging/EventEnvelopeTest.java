package org.mhaqi.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.CloudEventHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class EventEnvelopeTest {

  private static final UUID ID = UUID.fromString("7d1b3c3e-2f7a-4a55-9a4e-0c6f7d2f1a11");

  @Test
  void readsTheCloudEventsHeadersWhetherMappedAsBytesOrStrings() {
    Message<byte[]> message =
        MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8))
            .setHeader(CloudEventHeaders.ID, bytes(ID.toString()))
            .setHeader(CloudEventHeaders.TYPE, "ServiceEnrolled")
            .setHeader(CloudEventHeaders.SCHEMA_VERSION, bytes("1"))
            .setHeader(CloudEventHeaders.SOURCE, bytes("/mhaqi/enrollment-service"))
            .setHeader(CloudEventHeaders.SUBJECT, "e-1")
            .setHeader(CloudEventHeaders.TIME, bytes("2024-09-01T08:00:00Z"))
            .build();

    EventEnvelope envelope = EventEnvelope.of(message);

    assertThat(envelope.id()).isEqualTo(ID);
    assertThat(envelope.type()).isEqualTo("ServiceEnrolled");
    assertThat(envelope.schemaVersion()).isEqualTo(1);
    assertThat(envelope.source()).isEqualTo("/mhaqi/enrollment-service");
    assertThat(envelope.subject()).isEqualTo("e-1");
    assertThat(envelope.time()).isEqualTo(Instant.parse("2024-09-01T08:00:00Z"));
  }

  @Test
  void aMessageWithoutIdTypeOrVersionIsPoison() {
    Message<byte[]> message =
        MessageBuilder.withPayload(new byte[0])
            .setHeader(CloudEventHeaders.TYPE, "ServiceEnrolled")
            .build();

    assertThatThrownBy(() -> EventEnvelope.of(message))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("ce_id");
  }

  @Test
  void malformedAttributesArePoisonWithTheReason() {
    assertThatThrownBy(() -> EventEnvelope.of(message("not-a-uuid", "1", null)))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("not a UUID");
    assertThatThrownBy(() -> EventEnvelope.of(message(ID.toString(), "one", null)))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("ce_schemaversion 'one'");
    assertThatThrownBy(() -> EventEnvelope.of(message(ID.toString(), "1", "yesterday")))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("ce_time 'yesterday'");
  }

  private static Message<byte[]> message(String id, String version, String time) {
    var builder =
        MessageBuilder.withPayload(new byte[0])
            .setHeader(CloudEventHeaders.ID, id)
            .setHeader(CloudEventHeaders.TYPE, "ServiceEnrolled")
            .setHeader(CloudEventHeaders.SCHEMA_VERSION, version);
    if (time != null) {
      builder.setHeader(CloudEventHeaders.TIME, time);
    }
    return builder.build();
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
