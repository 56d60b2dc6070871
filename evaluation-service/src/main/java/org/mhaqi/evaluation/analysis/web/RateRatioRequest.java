package org.mhaqi.evaluation.analysis.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/** {@code {"group": {"events", "population"}, "reference": {"events", "population"}}}. */
public record RateRatioRequest(@NotNull @Valid Counts group, @NotNull @Valid Counts reference) {

  /**
   * A group's events (a whole number, taken as a decimal so that 2.5 is refused, not truncated) and
   * its population (people or occupied bed days; a rate over nobody is meaningless).
   */
  public record Counts(
      @NotNull @PositiveOrZero @Digits(integer = 18, fraction = 0) BigDecimal events,
      @NotNull @Positive @Finite Double population) {}
}
