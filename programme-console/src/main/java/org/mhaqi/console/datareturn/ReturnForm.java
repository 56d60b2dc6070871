package org.mhaqi.console.datareturn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mhaqi.console.api.ProblemMessages;

/**
 * The monthly return form of one measure: a month, and a numerator and a denominator per stratum
 * (field ids {@code n-<code>}, {@code d-<code>}). The values go to evaluation-service as typed: it
 * owns the rules, and its refusals come back tied to these fields.
 */
record ReturnForm(Measure measure) {

  /** A measure of evaluation-service's catalogue, with the strata a return may carry. */
  record Measure(String code, String name, String description, List<Stratum> strata) {
    Measure {
      strata = strata == null ? List.of() : List.copyOf(strata);
    }
  }

  record Stratum(String code, String description) {

    /** Inside a sentence: "the whole service", but "White British" as it is. */
    String inSentence() {
      return description.startsWith("The ") ? "t" + description.substring(1) : description;
    }
  }

  private static final Pattern STRATUM_FIELD = Pattern.compile("strata\\[(\\d+)]\\.(\\w+)");

  /**
   * The JSON body of the submission: the strata with something typed in them, in the order of the
   * form (which {@link #field} relies on to name a refused stratum).
   */
  Map<String, Object> body(Map<String, String> values) {
    List<Map<String, String>> strata = new ArrayList<>();
    for (Stratum stratum : typedStrata(values)) {
      Map<String, String> counts = new LinkedHashMap<>();
      counts.put("code", stratum.code());
      counts.put("numerator", values.getOrDefault("n-" + stratum.code(), "").trim());
      counts.put("denominator", values.getOrDefault("d-" + stratum.code(), "").trim());
      strata.add(counts);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("measureCode", measure.code());
    body.put("month", values.getOrDefault("month", "").trim());
    String reason = values.getOrDefault("correction-reason", "").trim();
    body.put("correction", !reason.isEmpty());
    body.put("correctionReason", reason.isEmpty() ? null : reason);
    body.put("strata", strata);
    return body;
  }

  /** How the form calls a field of the submission, for the error summary. */
  ProblemMessages.Field field(String serviceField, Map<String, String> values) {
    if (serviceField == null) {
      return new ProblemMessages.Field(null, "return");
    }
    Matcher stratum = STRATUM_FIELD.matcher(serviceField);
    List<Stratum> typed = typedStrata(values);
    if (stratum.matches() && Integer.parseInt(stratum.group(1)) < typed.size()) {
      Stratum s = typed.get(Integer.parseInt(stratum.group(1)));
      return switch (stratum.group(2)) {
        case "numerator" ->
            new ProblemMessages.Field("n-" + s.code(), "numerator for " + s.inSentence());
        case "denominator" ->
            new ProblemMessages.Field("d-" + s.code(), "denominator for " + s.inSentence());
        default -> new ProblemMessages.Field("n-" + s.code(), "group " + s.inSentence());
      };
    }
    return switch (serviceField) {
      case "month" -> new ProblemMessages.Field("month", "month");
      case "correctionReason" ->
          new ProblemMessages.Field("correction-reason", "reason for the correction");
      case "strata" -> new ProblemMessages.Field(firstField(), "figures of at least one group");
      default -> ProblemMessages.asNamed(serviceField);
    };
  }

  /** What the form needs before it is worth sending: figures for at least one group. */
  List<org.mhaqi.console.api.FieldError> incomplete(Map<String, String> values) {
    return typedStrata(values).isEmpty()
        ? List.of(
            new org.mhaqi.console.api.FieldError(
                firstField(), null, "Enter the numerator and denominator for at least one group"))
        : List.of();
  }

  private String firstField() {
    return measure.strata().isEmpty() ? null : "n-" + measure.strata().get(0).code();
  }

  /** Strata with a numerator or a denominator typed; the only stratum of an unstratified one. */
  private List<Stratum> typedStrata(Map<String, String> values) {
    if (measure.strata().size() == 1) {
      return measure.strata();
    }
    return measure.strata().stream()
        .filter(
            s ->
                !values.getOrDefault("n-" + s.code(), "").isBlank()
                    || !values.getOrDefault("d-" + s.code(), "").isBlank())
        .toList();
  }
}
