package org.mhaqi.support.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay ({@code mhaqi.outbox.*}).
 *
 * @param relayEnabled whether this instance relays at all (tests may switch it off)
 * @param pollInterval how often the relay looks for events nobody woke it for
 * @param batchSize events sent per transaction
 * @param sendTimeout how long to wait for Kafka's acknowledgement of one event
 * @param retryBackoff pause after a failed pass
 * @param retention how long published rows are kept for inspection before they are purged
 * @param healthThreshold an unpublished event older than this turns the outbox health DOWN
 */
@ConfigurationProperties("mhaqi.outbox")
public record OutboxProperties(
    @DefaultValue("true") boolean relayEnabled,
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue("500") int batchSize,
    @DefaultValue("30s") Duration sendTimeout,
    @DefaultValue("2s") Duration retryBackoff,
    @DefaultValue("7d") Duration retention,
    @DefaultValue("2m") Duration healthThreshold) {}
