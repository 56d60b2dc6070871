package org.mhaqi.support.topics;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform's topics are created ({@code mhaqi.topics.*}); every service declares every
 * topic with these settings, so whichever starts first creates them and the others agree.
 *
 * @param partitions partitions of every event and dead-letter topic
 * @param replicationFactor copies of each partition (1 on one broker, 3 on a cluster)
 * @param minInsyncReplicas {@code min.insync.replicas} of each topic; unset leaves the broker's
 * @param retentionMs {@code retention.ms} of event topics; -1 keeps events for ever, so a new
 *     consumer can replay a topic from its start
 * @param deadLetterRetentionMs {@code retention.ms} of dead-letter topics
 * @param additional further topics this service touches, beyond the platform's and its bindings'
 */
@ConfigurationProperties("mhaqi.topics")
public record TopicProperties(
    @DefaultValue("3") int partitions,
    @DefaultValue("1") short replicationFactor,
    Integer minInsyncReplicas,
    @DefaultValue("-1") long retentionMs,
    @DefaultValue("-1") long deadLetterRetentionMs,
    @DefaultValue List<String> additional) {}
