package org.mhaqi.evaluation.engagement;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A count of people as published: the number, or {@code "*"} where small-number suppression
 * withholds it.
 *
 * @param value the published value; null when withheld
 */
public record PublishedCount(Long value) {

  public static final PublishedCount WITHHELD = new PublishedCount(null);

  @JsonValue
  Object json() {
    return value == null ? "*" : value;
  }
}
