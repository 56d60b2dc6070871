package org.mhaqi.support.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox and its relay ({@code mhaqi.outbox.*}). The outbox is opt-in: a service
 * that publishes events sets {@code mhaqi.outbox.enabled=true} (see {@link OutboxConfiguration}).
 *
 * @param relayEnabled whether this instance relays at all (tests may switch it off)
 * @param pollInterval how often the relay looks for events nobody woke it for
 * @param linger how long the relay, woken by a commit, waits for the commits right behind it, so
 *     that they go out in one pass (one read, one round of sends, one mark) instead of one each
 * @param batchSize events read per pass
 * @param sendTimeout how long to wait for Kafka's acknowledgement of one event
 * @param retryBackoff pause after a failed pass
 * @param retention how long published rows are kept for inspection before they are purged
 * @param purgeInterval how often the relaying instance purges published rows
 * @param purgeBatchSize rows deleted per statement while purging, so no purge holds locks for long
 * @param healthThreshold an unpublished event older than this is reported as a backlog in health
 *     details (readiness does not depend on it)
 */
@ConfigurationProperties("mhaqi.outbox")
public record OutboxProperties(
    @DefaultValue("true") boolean relayEnabled,
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue("5ms") Duration linger,
    @DefaultValue("500") int batchSize,
    @DefaultValue("30s") Duration sendTimeout,
    @DefaultValue("2s") Duration retryBackoff,
    @DefaultValue("7d") Duration retention,
    @DefaultValue("1h") Duration purgeInterval,
    @DefaultValue("1000") int purgeBatchSize,
    @DefaultValue("2m") Duration healthThreshold) {}
