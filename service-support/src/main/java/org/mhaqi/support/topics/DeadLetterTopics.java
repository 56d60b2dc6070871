package org.mhaqi.support.topics;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The dead-letter topics of this service's consumer bindings and the topics those bindings read;
 * both empty for a service that consumes nothing.
 */
public record DeadLetterTopics(SortedSet<String> names, SortedSet<String> consumedTopics) {

  public DeadLetterTopics {
    names = new TreeSet<>(names);
    consumedTopics = new TreeSet<>(consumedTopics);
  }

  public boolean contains(String topic) {
    return names.contains(topic);
  }
}
