package org.mhaqi.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.chart.ChartMark;
import org.mhaqi.evaluation.report.ChartAnnotations.Cycle;
import org.mhaqi.evaluation.report.ChartAnnotations.DeliveredSession;

class ChartAnnotationsTest {

  static final YearMonth JAN = YearMonth.of(2025, 1);

  @Test
  void marksEachCycleStartAndDecisionTheDecisionsTheFirstSessionAndEachImprovementDay() {
    List<ChartAnnotation> annotations =
        ChartAnnotations.of(
            List.of(
                new Cycle(2, 1, LocalDate.of(2025, 3, 10), "ADAPT", LocalDate.of(2025, 4, 2)),
                new Cycle(2, 2, LocalDate.of(2025, 4, 20), "ADOPT", LocalDate.of(2025, 6, 1)),
                new Cycle(3, 1, LocalDate.of(2025, 5, 5), "ABANDON", LocalDate.of(2025, 5, 30)),
                new Cycle(3, 2, LocalDate.of(2025, 7, 1), null, null)),
            List.of(
                new DeliveredSession(LocalDate.of(2025, 2, 14), false),
                new DeliveredSession(LocalDate.of(2025, 1, 20), false),
                new DeliveredSession(LocalDate.of(2025, 4, 9), true)),
            YearMonth.of(2025, 4),
            List.of(YearMonth.of(2025, 8)));

    assertThat(annotations)
        .containsExactly(
            new ChartAnnotation(JAN, "first-coaching-session", "First coaching session"),
            new ChartAnnotation(
                YearMonth.of(2025, 3), "pdsa-started", "Change idea 2, PDSA cycle 1 started"),
            new ChartAnnotation(
                YearMonth.of(2025, 4), "pdsa-started", "Change idea 2, PDSA cycle 2 started"),
            new ChartAnnotation(
                YearMonth.of(2025, 4), "pdsa-adapted", "Change idea 2, PDSA cycle 1: idea adapted"),
            new ChartAnnotation(
                YearMonth.of(2025, 4),
                "baseline",
                "Baseline ends: limits fixed on the months to here"),
            new ChartAnnotation(
                YearMonth.of(2025, 4), "improvement-day", "Improvement day on 9 April 2025"),
            new ChartAnnotation(
                YearMonth.of(2025, 5), "pdsa-started", "Change idea 3, PDSA cycle 1 started"),
            new ChartAnnotation(
                YearMonth.of(2025, 5),
                "pdsa-abandoned",
                "Change idea 3, PDSA cycle 1: idea abandoned"),
            new ChartAnnotation(
                YearMonth.of(2025, 6), "pdsa-adopted", "Change idea 2, PDSA cycle 2: idea adopted"),
            new ChartAnnotation(
                YearMonth.of(2025, 7), "pdsa-started", "Change idea 3, PDSA cycle 2 started"),
            new ChartAnnotation(
                YearMonth.of(2025, 8), "rebase", "Limits rebased: new limits from here"));
  }

  @Test
  void withoutCyclesSessionsOrDecisionsThereIsNothingToMark() {
    assertThat(ChartAnnotations.of(List.of(), List.of(), null, List.of())).isEmpty();
  }

  @Test
  void refusesADecisionItDoesNotKnow() {
    List<Cycle> odd = List.of(new Cycle(1, 1, LocalDate.of(2025, 1, 1), "PONDER", JAN.atDay(9)));
    assertThatThrownBy(() -> ChartAnnotations.of(odd, List.of(), null, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PONDER");
  }

  @Test
  void drawsAChangeAtItsMonthOrInAGapAtTheNextAndListsTheRestWithoutAMark() {
    // January, February, April, May: March is missing
    List<YearMonth> months = List.of(JAN, JAN.plusMonths(1), JAN.plusMonths(3), JAN.plusMonths(4));
    List<ChartAnnotation> annotations =
        List.of(
            new ChartAnnotation(JAN.minusMonths(1), "first-coaching-session", "before"),
            new ChartAnnotation(JAN, "pdsa-started", "first month"),
            new ChartAnnotation(JAN.plusMonths(2), "pdsa-adopted", "in the gap"),
            new ChartAnnotation(JAN.plusMonths(4), "rebase", "last month"),
            new ChartAnnotation(JAN.plusMonths(5), "improvement-day", "after"));

    assertThat(ChartAnnotations.marks(annotations, months))
        .containsExactly(
            new ChartMark(0, "2", "first month"),
            new ChartMark(2, "3", "in the gap"),
            new ChartMark(3, "4", "last month"));
    assertThat(ChartAnnotations.index(JAN, List.of())).isEqualTo(-1);
  }
}
