package org.mhaqi.support.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of event consumption ({@code mhaqi.consumer.*}). Consumption is opt-in: a service that
 * consumes events sets {@code mhaqi.consumer.enabled=true} (see {@link MessagingConfiguration}).
 *
 * @param transientBackoffInitial first pause after a transient failure (database away, deadlock)
 * @param transientBackoffCeiling longest pause between attempts at a transient failure; keep it
 *     well below the consumer's {@code max.poll.interval.ms} (5 minutes by default)
 * @param processedEventRetention how long a consumer remembers an event it applied ({@code
 *     processed_event}); a redelivery older than this would be applied again, so keep it longer
 *     than any redelivery or replay a consumer should shrug off
 * @param purgeInterval how often forgotten marks are purged
 * @param purgeBatchSize marks deleted per statement while purging, so no purge holds locks for long
 */
@ConfigurationProperties("mhaqi.consumer")
public record ConsumerProperties(
    @DefaultValue("500ms") Duration transientBackoffInitial,
    @DefaultValue("10s") Duration transientBackoffCeiling,
    @DefaultValue("90d") Duration processedEventRetention,
    @DefaultValue("1h") Duration purgeInterval,
    @DefaultValue("1000") int purgeBatchSize) {}
