package org.mhaqi.coaching.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** When two bookings cannot both be held by one person. */
class BookingTest {

  private static final LocalDateTime TEN = LocalDateTime.of(2024, 10, 17, 10, 0);

  private static Booking at(LocalDateTime start, int minutes) {
    return new Booking(start, minutes, false);
  }

  private static Booking fullDay(LocalDateTime start) {
    return new Booking(start, 480, true);
  }

  @Test
  void endsAfterItsMinutes() {
    assertThat(at(TEN, 90).endsAt()).isEqualTo(LocalDateTime.of(2024, 10, 17, 11, 30));
  }

  @Test
  void overlappingHoursClashEitherWayRound() {
    Booking ten = at(TEN, 60);
    Booking halfPast = at(TEN.plusMinutes(30), 60);

    assertThat(ten.clashesWith(halfPast)).isTrue();
    assertThat(halfPast.clashesWith(ten)).isTrue();
    assertThat(ten.clashesWith(at(TEN, 60))).isTrue();
    assertThat(at(TEN, 180).clashesWith(at(TEN.plusHours(1), 30))).isTrue();
  }

  @Test
  void backToBackHoursDoNotClash() {
    Booking ten = at(TEN, 60);
    Booking eleven = at(TEN.plusHours(1), 60);

    assertThat(ten.clashesWith(eleven)).isFalse();
    assertThat(eleven.clashesWith(ten)).isFalse();
    assertThat(ten.clashesWith(at(TEN.plusHours(3), 60))).isFalse();
    assertThat(at(TEN.plusHours(3), 60).clashesWith(ten)).isFalse();
  }

  @Test
  void aFullDayClashesWithAnythingThatDayWhicheverSideItIsOn() {
    Booking day = fullDay(TEN.withHour(9));
    Booking evening = at(TEN.withHour(18), 30);

    assertThat(day.clashesWith(evening)).isTrue();
    assertThat(evening.clashesWith(day)).isTrue();
  }

  @Test
  void bookingsOnDifferentDatesNeverClashEvenAFullDay() {
    Booking day = fullDay(TEN.withHour(9));
    Booking nextDay = at(TEN.plusDays(1), 60);

    assertThat(day.clashesWith(nextDay)).isFalse();
    assertThat(nextDay.clashesWith(day)).isFalse();
    assertThat(at(TEN, 60).clashesWith(at(TEN.plusDays(7), 60))).isFalse();
  }
}
