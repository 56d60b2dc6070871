package org.mhaqi.local;

import java.time.Duration;

/**
 * How long the supervisor waits before starting a process again that stopped without being asked:
 * {@code first} after a stop, doubling with each stop that follows soon after a start, never more
 * than {@code ceiling}; a process that ran {@code stableAfter} or longer before it stopped starts
 * again after {@code first}. A process that keeps dying is still retried, at the ceiling.
 */
final class RestartBackoff {

  static final Duration FIRST = Duration.ofSeconds(1);
  static final Duration CEILING = Duration.ofSeconds(30);
  static final Duration STABLE_AFTER = Duration.ofSeconds(60);

  private final Duration first;
  private final Duration ceiling;
  private final Duration stableAfter;
  // Stops in a row, each within stableAfter of the start before it.
  private int quickStops;

  RestartBackoff(Duration first, Duration ceiling, Duration stableAfter) {
    if (first.isNegative() || first.isZero() || ceiling.compareTo(first) < 0) {
      throw new IllegalArgumentException("need 0 < first <= ceiling");
    }
    this.first = first;
    this.ceiling = ceiling;
    this.stableAfter = stableAfter;
  }

  static RestartBackoff standard() {
    return new RestartBackoff(FIRST, CEILING, STABLE_AFTER);
  }

  /** The wait before the next start, given how long the process ran before this stop. */
  synchronized Duration delayAfterStop(Duration ranFor) {
    if (ranFor.compareTo(stableAfter) >= 0) {
      quickStops = 0;
    }
    Duration delay = ceiling;
    // Doubling past the ceiling's exponent would overflow; the ceiling is reached long before.
    if (quickStops < 30) {
      Duration doubled = first.multipliedBy(1L << quickStops);
      delay = doubled.compareTo(ceiling) < 0 ? doubled : ceiling;
    }
    quickStops++;
    return delay;
  }

  /** Whether this wait is the ceiling, i.e. the process keeps stopping soon after it starts. */
  boolean isCeiling(Duration delay) {
    return delay.compareTo(ceiling) >= 0;
  }

  /** After a start that was asked for: the next unasked stop waits {@code first} again. */
  synchronized void reset() {
    quickStops = 0;
  }

  Duration ceiling() {
    return ceiling;
  }

  Duration stableAfter() {
    return stableAfter;
  }
}
