package org.mhaqi.support.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of event consumption ({@code mhaqi.consumer.*}).
 *
 * @param transientBackoffInitial first pause after a transient failure (database away, deadlock)
 * @param transientBackoffCeiling longest pause between attempts at a transient failure; keep it
 *     well below the consumer's {@code max.poll.interval.ms} (5 minutes by default)
 */
@ConfigurationProperties("mhaqi.consumer")
public record ConsumerProperties(
    @DefaultValue("500ms") Duration transientBackoffInitial,
    @DefaultValue("10s") Duration transientBackoffCeiling) {}
