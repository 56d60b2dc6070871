package org.mhaqi.support.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The records of one poll as the Kafka binder hands them to a batch-mode function: the payloads in
 * a list, each record's headers in the same position of the {@code kafka_batchConvertedHeaders}
 * list.
 */
final class ConsumedBatch {

  private ConsumedBatch() {}

  /** One message per record, with that record's headers, in the order of the poll. */
  static List<Message<byte[]>> messages(Message<List<byte[]>> batch) {
    List<byte[]> payloads = batch.getPayload();
    List<?> headers = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
    if (headers == null || headers.size() != payloads.size()) {
      throw new IllegalStateException(
          "Not a batch of Kafka records: "
              + payloads.size()
              + " payloads and "
              + (headers == null ? "no" : Integer.toString(headers.size()))
              + " header sets ("
              + KafkaHeaders.BATCH_CONVERTED_HEADERS
              + "); is the binding's consumer.batch-mode true?");
    }
    List<Message<byte[]>> messages = new ArrayList<>(payloads.size());
    for (int i = 0; i < payloads.size(); i++) {
      MessageBuilder<byte[]> message = MessageBuilder.withPayload(payload(payloads.get(i)));
      if (headers.get(i) instanceof Map<?, ?> recordHeaders) {
        recordHeaders.forEach(
            (name, value) -> {
              if (!MessageHeaders.ID.equals(name) && !MessageHeaders.TIMESTAMP.equals(name)) {
                message.setHeader(name.toString(), value);
              }
            });
      }
      messages.add(message.build());
    }
    return messages;
  }

  /** A tombstone (null value) reads as an empty payload, which is poison like any other. */
  private static byte[] payload(byte[] payload) {
    return payload == null ? new byte[0] : payload;
  }
}
