package org.mhaqi.notification.message;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sender's pace.
 *
 * @param interval how often it looks for due messages
 * @param batchSize how many it sends at a time
 * @param firstRetry the wait after the first refusal for now (4xx) or unreachable server
 * @param longestRetry the wait doubles up to this, and stays there: nothing is ever dropped
 */
@ConfigurationProperties("mhaqi.notification.sender")
record SenderProperties(
    Duration interval, int batchSize, Duration firstRetry, Duration longestRetry) {

  /** The wait before the next attempt after this many failed ones. */
  Duration backOff(int attempts) {
    Duration wait = firstRetry;
    for (int i = 1; i < attempts && wait.compareTo(longestRetry) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
  }
}
