package org.mhaqi.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemMessagesTest {

  @Test
  void eachErrorBecomesASentenceAboutTheFormsField() {
    Map<String, Object> problem =
        Map.of(
            "status",
            422,
            "errors",
            List.of(
                Map.of("field", "month", "message", "must not be null"),
                Map.of("field", "strata[0].numerator", "message", "must not be negative")));

    List<FieldError> errors =
        ProblemMessages.of(
            problem,
            field ->
                field.equals("month")
                    ? new ProblemMessages.Field("month", "month")
                    : new ProblemMessages.Field("n-A", "numerator for White British"));

    assertThat(errors)
        .containsExactly(
            new FieldError("month", null, "Enter the month"),
            new FieldError("n-A", null, "Numerator for White British must not be negative"));
  }

  @Test
  void aRefusedCsvRowIsNamedByItsRow() {
    Map<String, Object> problem =
        Map.of(
            "errors",
            List.of(
                Map.of("row", 3, "field", "numerator", "message", "'x' is not a whole number")));

    assertThat(ProblemMessages.of(problem, ProblemMessages::asNamed))
        .containsExactly(
            new FieldError(null, 3, "Row 3: Numerator must be a whole number, like 12 (not 'x')"));
  }

  @Test
  void aValueTheServiceCouldNotReadAsANumberAsksForAWholeNumber() {
    assertThat(
            ProblemMessages.sentence("numerator for the whole service", "'x' is not a valid Long"))
        .isEqualTo("Numerator for the whole service must be a whole number, like 12 (not 'x')");
  }

  @Test
  void typedValuesThatAreNoMonthOrTooSmallAreExplained() {
    assertThat(ProblemMessages.sentence("month", "'2026-13' is not a month (yyyy-MM)"))
        .isEqualTo("Month must be a month written like 2026-03 (not '2026-13')");
    assertThat(ProblemMessages.sentence("denominator", "must be greater than or equal to 1"))
        .isEqualTo("Denominator must be 1 or more");
    assertThat(ProblemMessages.sentence("stratum code", "is empty"))
        .isEqualTo("Enter the stratum code");
  }

  @Test
  void withoutErrorsTheDetailIsShownAndWithoutThatAPlainRequest() {
    assertThat(
            ProblemMessages.of(
                Map.of("detail", "already sent for 2026-03"), ProblemMessages::asNamed))
        .containsExactly(new FieldError(null, null, "Already sent for 2026-03"));
    assertThat(ProblemMessages.of(Map.of(), ProblemMessages::asNamed))
        .containsExactly(
            new FieldError(null, null, "This was refused. Check what you entered and try again."));
  }

  @Test
  void anActionWithoutAFormShowsTheServicesMessageAsItIs() {
    Map<String, Object> problem =
        Map.of(
            "errors",
            List.of(
                Map.of(
                    "field",
                    "executiveCommitment",
                    "message",
                    "an executive sponsor must confirm the three backings")));

    assertThat(ProblemMessages.of(problem, field -> ProblemMessages.asIs(null)))
        .containsExactly(
            new FieldError(null, null, "An executive sponsor must confirm the three backings"));
  }
}
