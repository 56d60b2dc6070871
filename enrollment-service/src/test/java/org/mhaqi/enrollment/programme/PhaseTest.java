package org.mhaqi.enrollment.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.http.HttpStatus;

class PhaseTest {

  private static final LocalDate JULY_2024 = LocalDate.of(2024, 7, 1);
  private static final LocalDate MARCH_2025 = LocalDate.of(2025, 3, 31);

  @Test
  void theWiderPhaseOfTheFaqIsValid() {
    assertThatCode(() -> phase(JULY_2024, MARCH_2025, LocalDate.of(2024, 9, 2), MARCH_2025))
        .doesNotThrowAnyException();
  }

  @Test
  void theCoachingWindowMustLieInsideThePhase() {
    assertField(
        () -> phase(JULY_2024, MARCH_2025, LocalDate.of(2024, 6, 30), MARCH_2025),
        "coachingStartsOn");
    assertField(
        () -> phase(JULY_2024, MARCH_2025, JULY_2024, LocalDate.of(2025, 4, 1)), "coachingEndsOn");
  }

  @Test
  void datesRunForwards() {
    assertField(() -> phase(MARCH_2025, JULY_2024, JULY_2024, JULY_2024), "endsOn");
    assertField(
        () -> phase(JULY_2024, MARCH_2025, LocalDate.of(2024, 10, 1), LocalDate.of(2024, 9, 1)),
        "coachingEndsOn");
  }

  @Test
  void aPhaseOfExactlyTwoYearsIsValidAndOneDayMoreIsRefused() {
    assertThatCode(() -> phase(JULY_2024, LocalDate.of(2026, 6, 30), JULY_2024, MARCH_2025))
        .doesNotThrowAnyException();
    assertTooLong(
        () -> phase(JULY_2024, LocalDate.of(2026, 7, 1), JULY_2024, MARCH_2025), "endsOn");
  }

  @Test
  void aCoachingWindowOfExactlyTwoYearsIsValidAndOneDayMoreIsRefused() {
    LocalDate lastDay = LocalDate.of(2026, 6, 30);
    assertThatCode(() -> phase(JULY_2024, lastDay, JULY_2024, lastDay)).doesNotThrowAnyException();
    // Checked before the window's place in the phase: the longer window is named first.
    assertTooLong(
        () -> phase(JULY_2024, lastDay, LocalDate.of(2024, 6, 30), lastDay), "coachingEndsOn");
  }

  @Test
  void aPhaseOfOneDayIsValid() {
    assertThatCode(() -> phase(JULY_2024, JULY_2024, JULY_2024, JULY_2024))
        .doesNotThrowAnyException();
  }

  @Test
  void aCapacityOfOneIsValid() {
    assertThat(
            new Phase(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    PhaseKind.PILOT,
                    "Pilot",
                    JULY_2024,
                    MARCH_2025,
                    1,
                    JULY_2024,
                    MARCH_2025)
                .getCapacity())
        .isEqualTo(1);
  }

  private static void assertTooLong(Runnable creation, String field) {
    assertThatThrownBy(creation::run)
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.code()).isEqualTo("too-long");
              assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(e.getMessage()).contains("2026-06-30");
            });
  }

  private static void assertField(Runnable creation, String field) {
    assertThatThrownBy(creation::run)
        .isInstanceOfSatisfying(
            RuleViolationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  private static Phase phase(
      LocalDate startsOn, LocalDate endsOn, LocalDate coachingStartsOn, LocalDate coachingEndsOn) {
    return new Phase(
        UUID.randomUUID(),
        UUID.randomUUID(),
        PhaseKind.WIDER_IMPLEMENTATION,
        "Wider",
        startsOn,
        endsOn,
        37,
        coachingStartsOn,
        coachingEndsOn);
  }
}
