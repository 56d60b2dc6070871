package org.mhaqi.evaluation.datareturn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.datareturn.ReturnSubmission.StratumCount;
import org.mhaqi.evaluation.web.RejectedInputException;
import org.mhaqi.evaluation.web.RejectedInputException.Problem;
import org.springframework.http.HttpStatus;

class ReturnCsvTest {

  static final String HEADER = "measure_code,month,stratum_code,numerator,denominator\n";

  static List<Problem> problems(String csv) {
    RejectedInputException e =
        catchThrowableOfType(RejectedInputException.class, () -> ReturnCsv.parse(csv));
    assertThat(e).as("the file is refused").isNotNull();
    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    return e.problems();
  }

  @Test
  void rowsOfOneMeasureAndMonthMakeOneReturnInTheOrderTheyCame() {
    List<ReturnSubmission> returns =
        ReturnCsv.parse(
            HEADER
                + "RESTRICTIVE_INTERVENTIONS,2024-10,A,12,900\n"
                + "ASSAULTS_ON_STAFF,2024-10,ALL,3,1210\n"
                + "RESTRICTIVE_INTERVENTIONS,2024-10,M,9,310\n");

    assertThat(returns)
        .containsExactly(
            new ReturnSubmission(
                "RESTRICTIVE_INTERVENTIONS",
                YearMonth.of(2024, 10),
                false,
                null,
                List.of(new StratumCount("A", 12, 900, 2), new StratumCount("M", 9, 310, 4)),
                2),
            new ReturnSubmission(
                "ASSAULTS_ON_STAFF",
                YearMonth.of(2024, 10),
                false,
                null,
                List.of(new StratumCount("ALL", 3, 1210, 3)),
                3));
  }

  @Test
  void aCorrectionReasonMakesTheReturnACorrection() {
    List<ReturnSubmission> returns =
        ReturnCsv.parse(
            "\uFEFFMeasure_Code,month,stratum_code,numerator,denominator,correction_reason\n"
                + "ASSAULTS_ON_STAFF,2024-10,ALL,4,1210,\"One assault was missed, see incident log\"\n");

    assertThat(returns.get(0).correction()).isTrue();
    assertThat(returns.get(0).correctionReason())
        .isEqualTo("One assault was missed, see incident log");
  }

  @Test
  void anEmptyCorrectionReasonColumnIsAFirstReturn() {
    List<ReturnSubmission> returns =
        ReturnCsv.parse(
            "measure_code,month,stratum_code,numerator,denominator,correction_reason\n"
                + "ASSAULTS_ON_STAFF,2024-10,ALL,4,1210,\n");

    assertThat(returns.get(0).correction()).isFalse();
    assertThat(returns.get(0).correctionReason()).isNull();
  }

  @Test
  void negativeCountsAreReadForTheRulesToRefuse() {
    assertThat(ReturnCsv.parse(HEADER + "ASSAULTS_ON_STAFF,2024-10,ALL,-4,1210\n").get(0).strata())
        .containsExactly(new StratumCount("ALL", -4, 1210, 2));
  }

  @Test
  void everyUnreadableCellIsNamedByRowAndColumn() {
    assertThat(
            problems(
                HEADER
                    + "RESTRICTIVE_INTERVENTIONS,2024-10,A,12,900\n"
                    + "RESTRICTIVE_INTERVENTIONS,October 2024,M,nine,310.5\n"
                    + ",2024-11,,1,2\n"))
        .containsExactly(
            new Problem(3, "month", "'October 2024' is not a month (yyyy-MM)"),
            new Problem(3, "numerator", "'nine' is not a whole number"),
            new Problem(3, "denominator", "'310.5' is not a whole number"),
            new Problem(4, "measure_code", "is empty"),
            new Problem(4, "stratum_code", "is empty"));
  }

  @Test
  void aRowWithTooFewOrTooManyColumnsIsNamed() {
    assertThat(
            problems(
                HEADER
                    + "RESTRICTIVE_INTERVENTIONS,2024-10,A,12\n"
                    + "RESTRICTIVE_INTERVENTIONS,2024-10,B,1,2,reason,extra\n"))
        .containsExactly(
            new Problem(2, "row", "has 4 columns; expected 5 or 6"),
            new Problem(3, "row", "has 7 columns; expected 5 or 6"));
  }

  @Test
  void aWrongHeaderIsNamed() {
    assertThat(problems("measure,month,stratum,numerator,denominator\nX,2024-10,A,1,2\n"))
        .extracting(Problem::row, Problem::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "header"));
    // A header that is wrong says so alone; that no rows follow it is no second problem.
    assertThat(problems("measure_code,month,stratum_code,numerator\n"))
        .extracting(Problem::field)
        .containsExactly("header");
  }

  @Test
  void anEmptyFileOrOneWithoutRowsIsRefused() {
    assertThat(problems(""))
        .containsExactly(
            new Problem(
                1,
                "file",
                "is empty; expected the header"
                    + " measure_code,month,stratum_code,numerator,denominator,correction_reason"));
    assertThat(problems(null)).extracting(Problem::field).containsExactly("file");
    assertThat(problems(HEADER))
        .containsExactly(new Problem(2, "file", "has a header but no rows"));
  }

  @Test
  void rowsOfOneReturnMustAgreeOnTheCorrectionReason() {
    assertThat(
            problems(
                "measure_code,month,stratum_code,numerator,denominator,correction_reason\n"
                    + "RESTRICTIVE_INTERVENTIONS,2024-10,A,12,900,Recounted\n"
                    + "RESTRICTIVE_INTERVENTIONS,2024-10,M,9,310,\n"))
        .containsExactly(
            new Problem(
                3,
                "correction_reason",
                "differs from row 2 of the same return; a return is corrected as a whole"));
  }

  @Test
  void anUnterminatedQuoteIsMalformed() {
    assertThat(problems(HEADER + "RESTRICTIVE_INTERVENTIONS,\"2024-10,A,12,900\n"))
        .extracting(Problem::field)
        .contains("file");
  }
}
