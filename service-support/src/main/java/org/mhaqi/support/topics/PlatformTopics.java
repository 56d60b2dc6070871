package org.mhaqi.support.topics;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.NewTopic;
import org.mhaqi.events.Topics;

/**
 * The topics a service touches: every platform event topic (each constant of {@link Topics}, so a
 * topic added there is created by every service from then on), every topic its bindings consume,
 * every dead-letter topic of its bindings, and any configured in addition.
 */
public final class PlatformTopics {

  private PlatformTopics() {}

  /** The event topics named in {@link Topics}. */
  public static SortedSet<String> eventTopics() {
    SortedSet<String> names = new TreeSet<>();
    for (Field field : Topics.class.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers)
          && Modifier.isStatic(modifiers)
          && Modifier.isFinal(modifiers)
          && field.getType() == String.class) {
        try {
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("Cannot read topic constant " + field.getName(), e);
        }
      }
    }
    return names;
  }

  /**
   * The declarations of every topic: event topics keep events as {@code retentionMs} says,
   * dead-letter topics as {@code deadLetterRetentionMs} says; all get the same partitions and
   * replication.
   */
  public static List<NewTopic> declarations(
      TopicProperties properties,
      SortedSet<String> eventTopics,
      SortedSet<String> deadLetterTopics) {
    Map<String, NewTopic> topics = new LinkedHashMap<>();
    for (String name : eventTopics) {
      topics.put(name, topic(name, properties, properties.retentionMs()));
    }
    for (String name : properties.additional()) {
      topics.putIfAbsent(name, topic(name, properties, properties.retentionMs()));
    }
    for (String name : deadLetterTopics) {
      topics.putIfAbsent(name, topic(name, properties, properties.deadLetterRetentionMs()));
    }
    return new ArrayList<>(topics.values());
  }

  private static NewTopic topic(String name, TopicProperties properties, long retentionMs) {
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put("retention.ms", Long.toString(retentionMs));
    if (properties.minInsyncReplicas() != null) {
      configs.put("min.insync.replicas", properties.minInsyncReplicas().toString());
    }
    return new NewTopic(name, properties.partitions(), properties.replicationFactor())
        .configs(configs);
  }
}
