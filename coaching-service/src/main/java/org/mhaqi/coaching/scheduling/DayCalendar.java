package org.mhaqi.coaching.scheduling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One person's or team's bookings, by date. */
final class DayCalendar {

  private final Map<LocalDate, List<Booking>> byDate = new HashMap<>();

  boolean fits(Booking booking) {
    for (Booking existing : byDate.getOrDefault(booking.startsAt().toLocalDate(), List.of())) {
      if (existing.clashesWith(booking)) {
        return false;
      }
    }
    return true;
  }

  void add(Booking booking) {
    byDate.computeIfAbsent(booking.startsAt().toLocalDate(), d -> new ArrayList<>()).add(booking);
  }
}
