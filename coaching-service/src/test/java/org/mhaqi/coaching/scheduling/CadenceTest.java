package org.mhaqi.coaching.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.enrollment.PhaseKind;

/** Cadence settings that cannot produce a sensible plan are refused when they are read. */
class CadenceTest {

  private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);

  private static Cadence.Executive executive(long minutes, int weekOfMonth) {
    return new Cadence.Executive(
        true, Duration.ofMinutes(minutes), weekOfMonth, WEEKDAYS, List.of("10:00"));
  }

  @Test
  void aSessionLastsFromOneMinuteToTenHours() {
    assertThatNoException().isThrownBy(() -> executive(1, 2));
    assertThatNoException().isThrownBy(() -> executive(600, 2));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> executive(0, 2))
        .withMessage("executive: duration must be between 1 and 600 minutes");
    assertThatIllegalArgumentException().isThrownBy(() -> executive(601, 2));
    assertThatIllegalArgumentException().isThrownBy(() -> executive(-60, 2));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Cadence.Executive(true, null, 2, WEEKDAYS, List.of("10:00")))
        .withMessageContaining("duration");
  }

  @Test
  void theWeekOfTheMonthIsTheFirstToTheFifth() {
    assertThatNoException().isThrownBy(() -> executive(60, 1));
    assertThatNoException().isThrownBy(() -> executive(60, 5));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> executive(60, 0))
        .withMessage("executive: week-of-month must be between 1 and 5");
    assertThatIllegalArgumentException().isThrownBy(() -> executive(60, 6));
  }

  @Test
  void sessionsFallOnWeekdaysOnly() {
    for (List<DayOfWeek> days :
        List.of(
            List.<DayOfWeek>of(),
            List.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY),
            List.of(DayOfWeek.SUNDAY))) {
      assertThatIllegalArgumentException()
          .isThrownBy(
              () -> new Cadence.Weekly(true, Duration.ofMinutes(60), days, List.of("10:00")))
          .withMessage("weekly: weekdays must be Monday to Friday, at least one");
    }
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Cadence.Weekly(true, Duration.ofMinutes(60), null, List.of("10:00")));
  }

  @Test
  void startTimesAreNeededAndReadAsHoursAndMinutes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Cadence.Weekly(true, Duration.ofMinutes(60), WEEKDAYS, List.of()))
        .withMessage("weekly: at least one start time is needed");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Cadence.Weekly(true, Duration.ofMinutes(60), WEEKDAYS, null));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new Cadence.Weekly(true, Duration.ofMinutes(60), WEEKDAYS, List.of("ten")))
        .withMessageContaining("HH:mm");
    assertThat(
            new Cadence.Weekly(true, Duration.ofMinutes(60), WEEKDAYS, List.of(" 10:00", "14:30"))
                .times())
        .containsExactly(LocalTime.of(10, 0), LocalTime.of(14, 30));
  }

  @Test
  void aSessionEndsOnTheDayItStarts() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Cadence.ImprovementDay(
                    true,
                    Duration.ofMinutes(480),
                    3,
                    WEEKDAYS,
                    "17:00",
                    true,
                    Cadence.ImprovementDay.Placement.MONTHLY))
        .withMessage("improvement-day: a session must end on the day it starts");
    assertThatNoException()
        .isThrownBy(
            () ->
                new Cadence.ImprovementDay(
                    true,
                    Duration.ofMinutes(480),
                    3,
                    WEEKDAYS,
                    "15:59",
                    true,
                    Cadence.ImprovementDay.Placement.MONTHLY));
  }

  @Test
  void everyLevelValidatesItsOwnSettings() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Cadence.Executive(true, Duration.ofMinutes(60), 9, WEEKDAYS, List.of("10:00")))
        .withMessageStartingWith("executive:");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new Cadence.Weekly(true, Duration.ofMinutes(700), WEEKDAYS, List.of("10:00")))
        .withMessageStartingWith("weekly:");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Cadence.ImprovementDay(
                    true,
                    Duration.ofMinutes(480),
                    0,
                    WEEKDAYS,
                    "09:00",
                    true,
                    Cadence.ImprovementDay.Placement.MONTHLY))
        .withMessageStartingWith("improvement-day:");
  }

  @Test
  void thePhaseOverrideAppliesToItsPhaseAndTheDefaultCadenceToTheOthers() {
    Cadence defaults = Cadence.defaults();
    Cadence pilot =
        new Cadence(
            Cadence.Executive.defaults(),
            new Cadence.Weekly(false, Duration.ofMinutes(90), WEEKDAYS, List.of("10:00")),
            Cadence.ImprovementDay.defaults());
    ScheduleProperties properties =
        new ScheduleProperties(
            java.time.ZoneId.of("Europe/London"), defaults, Map.of(PhaseKind.PILOT, pilot), 2);

    assertThat(properties.cadenceFor(PhaseKind.PILOT)).isSameAs(pilot);
    assertThat(properties.cadenceFor(PhaseKind.WIDER_IMPLEMENTATION)).isSameAs(defaults);
    assertThat(properties.cadenceFor(null)).isSameAs(defaults);
    assertThat(
            new ScheduleProperties(java.time.ZoneId.of("Europe/London"), defaults, null, 2)
                .cadenceFor(PhaseKind.PILOT))
        .isSameAs(defaults);
  }
}
