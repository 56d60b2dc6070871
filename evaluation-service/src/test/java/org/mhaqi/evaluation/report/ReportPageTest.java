package org.mhaqi.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPageTest {

  static final YearMonth JAN = YearMonth.of(2025, 1);

  @Test
  void monthsLabelTheAxisOnlyWhenNoneIsMissing() {
    assertThat(ReportPage.consecutive(List.of(JAN, JAN.plusMonths(1), JAN.plusMonths(2)))).isTrue();
    assertThat(ReportPage.consecutive(List.of(JAN))).isTrue();
    assertThat(ReportPage.consecutive(List.of(JAN, JAN.plusMonths(2)))).isFalse();
    assertThat(ReportPage.consecutive(List.of())).isFalse();
  }
}
