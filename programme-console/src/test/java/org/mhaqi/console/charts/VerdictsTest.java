package org.mhaqi.console.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictsTest {

  @Test
  void eachMeasureSaysItsLatestMonthVariationAndAssuranceInWords() {
    List<Verdicts.Row> rows =
        Verdicts.rows(
            List.of(
                new Verdicts.SummaryRow(
                    "DETENTIONS",
                    "Detentions",
                    YearMonth.of(2026, 11),
                    12.5,
                    false,
                    10.0,
                    "improvement-low",
                    "hit-and-miss"),
                new Verdicts.SummaryRow(
                    "ASSAULTS_ON_STAFF",
                    "Assaults on staff",
                    YearMonth.of(2026, 10),
                    null,
                    true,
                    null,
                    null,
                    null),
                new Verdicts.SummaryRow(
                    "NEW", "New measure", null, null, false, null, null, null)));

    assertThat(rows.get(0))
        .isEqualTo(
            new Verdicts.Row(
                "DETENTIONS",
                "Detentions",
                "November 2026: 12.5",
                "Special cause improvement: significantly lower",
                "Target 10: will sometimes meet it, sometimes not",
                true));
    assertThat(rows.get(1).latest()).isEqualTo("October 2026: withheld (small numbers)");
    assertThat(rows.get(1).variation()).isEqualTo("Too few months for process limits: a run chart");
    assertThat(rows.get(1).assurance()).isEqualTo("No target set");
    assertThat(rows.get(2).hasChart()).isFalse();
    assertThat(rows.get(2).latest()).isEqualTo("No months returned yet");
    assertThat(Verdicts.variation("common-cause")).startsWith("Common cause");
    assertThat(Verdicts.variation("concern-high")).startsWith("Special cause concern");
    assertThat(Verdicts.assurance("pass", 3.0)).isEqualTo("Target 3: will consistently meet it");
    assertThat(Verdicts.assurance("fail", 3.25))
        .isEqualTo("Target 3.25: will consistently miss it");
    assertThat(Verdicts.assurance(null, 3.0)).isEqualTo("Target 3: too few months to say");
  }
}
