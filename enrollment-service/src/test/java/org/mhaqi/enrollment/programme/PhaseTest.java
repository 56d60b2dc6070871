package org.mhaqi.enrollment.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.support.web.RuleViolationException;

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
