package org.mhaqi.evaluation.measure;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A QI measure of the catalogue.
 *
 * @param code the stable identifier returns, change ideas and events use
 * @param numerator what the numerator of each stratum counts
 * @param denominator what the denominator of each stratum counts
 */
public record Measure(
    String code,
    String name,
    String description,
    Type type,
    Unit unit,
    Improvement improvement,
    Stratification stratification,
    String numerator,
    String denominator) {

  /** The stratum code of a measure that is not stratified: one stratum for the whole service. */
  public static final String WHOLE_SERVICE = "ALL";

  /** What the measure tells: a result, a step of the process, or a side effect to watch. */
  public enum Type {
    OUTCOME,
    PROCESS,
    BALANCING
  }

  /** How numerator and denominator make the figure. */
  public enum Unit {
    RATE_PER_1000_OCCUPIED_BED_DAYS(true),
    PERCENTAGE(true),
    /** A sum of days over a number of patients: the numerator is naturally above it. */
    MEAN_DAYS(false),
    COUNT(true);

    private final boolean numeratorAtMostDenominator;

    Unit(boolean numeratorAtMostDenominator) {
      this.numeratorAtMostDenominator = numeratorAtMostDenominator;
    }

    /**
     * Whether a numerator above its denominator is an error: events counted among bed days,
     * patients or plans can never outnumber them; days summed over patients can.
     */
    public boolean numeratorAtMostDenominator() {
      return numeratorAtMostDenominator;
    }

    /**
     * A month's figure in this unit: a rate per 1,000, a percentage, a mean, or the count itself;
     * empty when the denominator is 0 (no bed days, no admissions: no rate to plot).
     */
    public Optional<Double> figure(long numerator, long denominator) {
      if (this == COUNT) {
        return Optional.of((double) numerator);
      }
      if (denominator == 0) {
        return Optional.empty();
      }
      double ratio = (double) numerator / denominator;
      return Optional.of(
          switch (this) {
            case RATE_PER_1000_OCCUPIED_BED_DAYS -> ratio * 1000;
            case PERCENTAGE -> ratio * 100;
            default -> ratio;
          });
    }
  }

  /** The direction that counts as improvement. */
  public enum Improvement {
    INCREASE,
    DECREASE,
    NEITHER
  }

  /** How a return of the measure is broken down. */
  public enum Stratification {
    /** One stratum per NHS ethnic category code (A-S, Z, 99). */
    ETHNIC_CATEGORY,
    /** One stratum, {@value Measure#WHOLE_SERVICE}. */
    NONE
  }

  /** Whether a return of this measure may carry a stratum with this code. */
  public boolean acceptsStratum(String stratumCode) {
    return switch (stratification) {
      case ETHNIC_CATEGORY -> EthnicCategory.ofCode(stratumCode).isPresent();
      case NONE -> WHOLE_SERVICE.equals(stratumCode);
    };
  }

  /** The stratum codes a return of this measure may carry, in catalogue order. */
  public List<String> stratumCodes() {
    return switch (stratification) {
      case ETHNIC_CATEGORY ->
          Arrays.stream(EthnicCategory.values()).map(EthnicCategory::code).toList();
      case NONE -> List.of(WHOLE_SERVICE);
    };
  }
}
