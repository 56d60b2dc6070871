package org.mhaqi.evaluation.measuretarget;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/**
 * The current targets of every measure (the latest version of each scope), and which of them
 * applies to a chart: the most specific, a service's before its phase's before the measure's.
 */
public record Targets(List<MeasureTarget> current) {

  public static final Targets NONE = new Targets(List.of());

  public Targets {
    current = List.copyOf(current);
  }

  /** The latest version of each scope's target among these versions. */
  static Targets latestOf(Collection<MeasureTarget> versions) {
    return new Targets(
        versions.stream()
            .collect(
                Collectors.toMap(
                    MeasureTarget::targetId,
                    t -> t,
                    BinaryOperator.maxBy(Comparator.comparingInt(MeasureTarget::version)),
                    LinkedHashMap::new))
            .values()
            .stream()
            .toList());
  }

  /**
   * The target of the measure that applies to a chart of this phase and service (a null phase or
   * service: a chart not narrowed to one), empty when none does.
   */
  public OptionalDouble applying(String measureCode, UUID phaseId, UUID serviceId) {
    return current.stream()
        .filter(t -> Objects.equals(t.measureCode(), measureCode))
        .filter(t -> t.appliesTo(phaseId, serviceId))
        .max(Comparator.comparingInt(MeasureTarget::specificity))
        .map(t -> OptionalDouble.of(t.value()))
        .orElse(OptionalDouble.empty());
  }
}
