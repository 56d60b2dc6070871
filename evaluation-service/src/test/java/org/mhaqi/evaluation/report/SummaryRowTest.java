package org.mhaqi.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryRowTest {

  @Test
  void aRowHoldsTheLatestFigureTheProcessTheTargetAndTheIcons() {
    List<SummaryRow> rows = SummaryRow.of(ReportPageTest.reportWithTarget(10.0));

    assertThat(rows)
        .extracting(SummaryRow::code)
        .containsExactly("RESTRICTIVE_INTERVENTIONS", "ASSAULTS_ON_STAFF");
    SummaryRow restraint = rows.get(0);
    // The last month: 50 events over 5,000 bed days, 10 per 1,000.
    assertThat(restraint.latestMonth()).isEqualTo(ReportPageTest.JAN.plusMonths(11));
    assertThat(restraint.latestValue()).isEqualTo(10.0);
    assertThat(restraint.latestWithheld()).isFalse();
    assertThat(restraint.mean()).isEqualTo(15.0);
    assertThat(restraint.upperProcessLimit()).isEqualTo(15 + 2.66 * 10 / 11);
    assertThat(restraint.target()).isEqualTo(10.0);
    assertThat(restraint.variationIcon()).isEqualTo("improvement-low");
    assertThat(restraint.assuranceIcon()).isEqualTo("fail");
    SummaryRow none = rows.get(1);
    assertThat(none.latestMonth()).isNull();
    assertThat(none.mean()).isNull();
    assertThat(none.variationIcon()).isNull();
  }

  @Test
  void theCsvHasAHeaderAndFiguresToThreeDecimals() {
    String csv = SummaryRow.csv(SummaryRow.of(ReportPageTest.reportWithTarget(10.0)));

    // 15 +/- 2.66 x 10 / 11 = 17.418 and 12.582.
    assertThat(csv.split("\n"))
        .containsExactly(
            "measure_code,latest_month,latest_value,rule_set,mean,upper_process_limit,"
                + "lower_process_limit,target,variation_icon,assurance_icon",
            "RESTRICTIVE_INTERVENTIONS,2025-12,10.000,making-data-count,15.000,17.418,12.582,"
                + "10.000,improvement-low,fail",
            "ASSAULTS_ON_STAFF,,,,,,,,,");
  }
}
