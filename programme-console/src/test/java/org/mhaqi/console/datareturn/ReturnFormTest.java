package org.mhaqi.console.datareturn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhaqi.console.api.ProblemMessages;
import org.mhaqi.console.datareturn.ReturnForm.Measure;
import org.mhaqi.console.datareturn.ReturnForm.Stratum;

class ReturnFormTest {

  private final ReturnForm stratified =
      new ReturnForm(
          new Measure(
              "DETENTIONS",
              "Detentions",
              "",
              List.of(new Stratum("A", "White British"), new Stratum("M", "Black Caribbean"))));

  @Test
  void onlyTheGroupsWithFiguresAreSentAsTyped() {
    Map<String, Object> body =
        stratified.body(Map.of("month", "2026-03", "n-M", " 4 ", "d-M", "20", "n-A", ""));

    assertThat(body)
        .containsEntry("measureCode", "DETENTIONS")
        .containsEntry("month", "2026-03")
        .containsEntry("correction", false)
        .containsEntry(
            "strata", List.of(Map.of("code", "M", "numerator", "4", "denominator", "20")));
  }

  @Test
  void aRefusedStratumPointsAtItsFieldOnTheForm() {
    Map<String, String> typed = Map.of("n-M", "4", "d-M", "-1");

    assertThat(stratified.field("strata[0].denominator", typed))
        .isEqualTo(new ProblemMessages.Field("d-M", "denominator for Black Caribbean"));
    assertThat(stratified.field("month", typed))
        .isEqualTo(new ProblemMessages.Field("month", "month"));
  }

  @Test
  void aCorrectionCarriesItsReason() {
    assertThat(
            stratified.body(
                Map.of("month", "2026-03", "n-A", "1", "d-A", "2", "correction-reason", "typo")))
        .containsEntry("correction", true)
        .containsEntry("correctionReason", "typo");
  }

  @Test
  void aFormWithoutFiguresAsksForThemBeforeAnythingIsSent() {
    assertThat(stratified.incomplete(Map.of("month", "2026-03")))
        .singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("n-A"));
  }
}
