package org.mhaqi.support.deadletter;

import java.time.Instant;

/**
 * One dead-lettered message as an operator sees it: where it sits, what it was and why it could not
 * be applied. The payload itself is not shown (it may be large); its size is.
 *
 * @param ceId the CloudEvents id, null when the message had no envelope
 * @param reason the consumer's {@code x-exception-message}
 */
public record DeadLetter(
    String topic,
    int partition,
    long offset,
    String key,
    Instant deadLetteredAt,
    String ceId,
    String ceType,
    String reason,
    String exceptionClass,
    String originalTopic,
    Integer originalPartition,
    Long originalOffset,
    String consumerGroup,
    int payloadBytes) {}
