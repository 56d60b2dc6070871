package org.mhaqi.support.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** Batches as the Kafka binder hands them to a batch-mode function, made of single messages. */
final class TestBatches {

  private TestBatches() {}

  @SafeVarargs
  static Message<List<byte[]>> batch(Message<byte[]>... messages) {
    return batch(List.of(messages));
  }

  static Message<List<byte[]>> batch(List<Message<byte[]>> messages) {
    List<byte[]> payloads = new ArrayList<>();
    List<Map<String, Object>> headers = new ArrayList<>();
    for (Message<byte[]> message : messages) {
      payloads.add(message.getPayload());
      // Id and timestamp included: a batch's messages are built without them.
      headers.add(new HashMap<>(message.getHeaders()));
    }
    return MessageBuilder.withPayload(payloads)
        .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
        .build();
  }
}
