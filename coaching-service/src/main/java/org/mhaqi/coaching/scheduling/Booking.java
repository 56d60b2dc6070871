package org.mhaqi.coaching.scheduling;

import java.time.LocalDateTime;

/**
 * Time taken in a calendar. A full day takes the whole date, whatever its hours.
 *
 * @param startsAt wall-clock start
 * @param minutes length
 * @param fullDay whether it blocks the whole date
 */
public record Booking(LocalDateTime startsAt, int minutes, boolean fullDay) {

  public LocalDateTime endsAt() {
    return startsAt.plusMinutes(minutes);
  }

  /** Whether the two cannot both be held by one person. */
  public boolean clashesWith(Booking other) {
    if (!startsAt.toLocalDate().equals(other.startsAt.toLocalDate())) {
      return false;
    }
    if (fullDay || other.fullDay) {
      return true;
    }
    return startsAt.isBefore(other.endsAt()) && other.startsAt.isBefore(endsAt());
  }
}
