package org.mhaqi.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.measure.Measure;

class ReportCsvTest {

  @Test
  void oneRowPerServiceMeasureMonthAndGroupWithSmallNumbersSuppressed() {
    List<StratumRow> rows =
        List.of(
            MeasureReportTest.row(
                MeasureReportTest.SERVICE, MeasureReportTest.APRIL, "A", 22, 4000),
            MeasureReportTest.row(MeasureReportTest.SERVICE, MeasureReportTest.APRIL, "B", 1, 10),
            MeasureReportTest.row(MeasureReportTest.SERVICE, MeasureReportTest.APRIL, "M", 3, 600),
            MeasureReportTest.row(
                MeasureReportTest.SERVICE, MeasureReportTest.APRIL, "ALL", 7, 300));
    // The "ALL" stratum belongs to the unstratified measure: the rows are split by measure code.
    List<StratumRow> restraint =
        rows.stream()
            .filter(r -> !r.stratumCode().equals("ALL"))
            .map(r -> withMeasure(r, "RESTRICTIVE_INTERVENTIONS"))
            .toList();
    List<StratumRow> assaults =
        rows.stream()
            .filter(r -> r.stratumCode().equals("ALL"))
            .map(r -> withMeasure(r, "ASSAULTS_ON_STAFF"))
            .toList();
    List<StratumRow> all = new java.util.ArrayList<>(restraint);
    all.addAll(assaults);

    String csv =
        ReportCsv.write(
            List.of(MeasureReportTest.RESTRAINT, MeasureReportTest.ASSAULTS),
            all,
            MeasureReportTest.SUPPRESSION);

    String s = MeasureReportTest.SERVICE.toString();
    // Whole service: 26 events over 4,610 bed days (25, 4610 published) = 5.640 per 1,000.
    // White: 23 over 4,010 = 5.736; Black: 3 over 600: 3 is under 5, so "*" and no figure.
    // Assaults: 7 over 300 = 23.333 per 1,000.
    assertThat(csv)
        .isEqualTo(
            "region,ods_code,service_id,measure_code,month,group,numerator,denominator,value\n"
                + "LONDON,RX4,"
                + s
                + ",RESTRICTIVE_INTERVENTIONS,2025-04,ALL,25,4610,5.640\n"
                + "LONDON,RX4,"
                + s
                + ",RESTRICTIVE_INTERVENTIONS,2025-04,WHITE,25,4010,5.736\n"
                + "LONDON,RX4,"
                + s
                + ",RESTRICTIVE_INTERVENTIONS,2025-04,BLACK_OR_BLACK_BRITISH,*,600,*\n"
                + "LONDON,RX4,"
                + s
                + ",ASSAULTS_ON_STAFF,2025-04,ALL,5,300,23.333\n");
  }

  @Test
  void aFigureIsEmptyWithoutADenominatorAndACountIsItsOwnFigure() {
    Measure count =
        MeasureReportTest.measure(
            "C", Measure.Unit.COUNT, Measure.Improvement.DECREASE, Measure.Stratification.NONE);
    assertThat(
            ReportCsv.value(
                MeasureReportTest.RESTRAINT.unit(), 0, 0, MeasureReportTest.SUPPRESSION))
        .isEqualTo("*");
    assertThat(ReportCsv.value(count.unit(), 12, 0, MeasureReportTest.SUPPRESSION))
        .isEqualTo("12.000");
    assertThat(ReportCsv.value(count.unit(), 4, 0, MeasureReportTest.SUPPRESSION)).isEqualTo("*");
    assertThat(ReportCsv.value(Measure.Unit.MEAN_DAYS, 2400, 100, MeasureReportTest.SUPPRESSION))
        .isEqualTo("24.000");
    assertThat(ReportCsv.value(Measure.Unit.PERCENTAGE, 5, 200, MeasureReportTest.SUPPRESSION))
        .isEqualTo("2.500");
  }

  static StratumRow withMeasure(StratumRow r, String code) {
    return new StratumRow(
        r.serviceId(),
        r.odsCode(),
        r.region(),
        code,
        r.month(),
        r.stratumCode(),
        r.numerator(),
        r.denominator());
  }
}
