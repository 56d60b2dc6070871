package org.mhaqi.console.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a service's problem+json (RFC 9457, with {@code errors}: field, message and, for a CSV
 * file, row) into sentences a user can act on, each tied to the form field it is about.
 */
public final class ProblemMessages {

  /**
   * How a form calls a service's field.
   *
   * @param id the form field's id (the error summary links to it), or null for the form as a whole
   * @param label a noun phrase for sentences, e.g. "numerator for White British"
   */
  public record Field(String id, String label) {}

  private static final Pattern NOT_A_NUMBER =
      Pattern.compile("'(.*)' is not (?:a whole number|a valid (?:Long|Integer|long|int))");
  private static final Pattern NOT_A_MONTH = Pattern.compile("'(.*)' is not a month.*");
  private static final Pattern AT_LEAST =
      Pattern.compile("must be greater than or equal to (\\S+)");
  private static final List<String> MISSING =
      List.of("must not be null", "must not be blank", "must not be empty", "is empty");

  private ProblemMessages() {}

  /** Fields named as they are on the wire, words split at underscores and dots. */
  public static Field asNamed(String field) {
    return new Field(null, field == null ? "form" : field.replaceAll("[_.]", " "));
  }

  /**
   * A refusal of an action without a form (admit, promote): the service's message as it is, shown
   * at the top of the page or by the field with that id.
   */
  public static Field asIs(String id) {
    return new Field(id, "");
  }

  /**
   * @param problem the problem+json body
   * @param fields how the form calls each of the service's fields
   */
  public static List<FieldError> of(Map<String, ?> problem, Function<String, Field> fields) {
    List<FieldError> errors = new ArrayList<>();
    if (problem.get("errors") instanceof List<?> listed) {
      for (Object each : listed) {
        if (each instanceof Map<?, ?> error) {
          String name = error.get("field") == null ? null : String.valueOf(error.get("field"));
          Integer row = error.get("row") instanceof Number n ? n.intValue() : null;
          Field field = fields.apply(name);
          errors.add(
              new FieldError(
                  field.id(),
                  row,
                  (row == null ? "" : "Row " + row + ": ")
                      + sentence(field.label(), String.valueOf(error.get("message")))));
        }
      }
    }
    if (errors.isEmpty()) {
      Object detail = problem.get("detail") != null ? problem.get("detail") : problem.get("title");
      errors.add(
          new FieldError(
              null,
              null,
              detail == null
                  ? "This was refused. Check what you entered and try again."
                  : capital(String.valueOf(detail))));
    }
    return errors;
  }

  /** One message of a service about a field, as a sentence about the form's field. */
  static String sentence(String label, String message) {
    String trimmed = message.trim();
    if (label.isEmpty()) {
      return capital(trimmed);
    }
    if (MISSING.contains(trimmed)) {
      return "Enter the " + label;
    }
    Matcher number = NOT_A_NUMBER.matcher(trimmed);
    if (number.matches()) {
      return capital(label) + " must be a whole number, like 12 (not '" + number.group(1) + "')";
    }
    Matcher month = NOT_A_MONTH.matcher(trimmed);
    if (month.matches()) {
      return capital(label)
          + " must be a month written like 2026-03 (not '"
          + month.group(1)
          + "')";
    }
    Matcher atLeast = AT_LEAST.matcher(trimmed);
    if (atLeast.matches()) {
      return capital(label) + " must be " + atLeast.group(1) + " or more";
    }
    return capital(label) + " " + trimmed;
  }

  private static String capital(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
