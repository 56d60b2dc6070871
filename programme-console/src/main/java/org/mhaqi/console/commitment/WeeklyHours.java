package org.mhaqi.console.commitment;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mhaqi.console.api.FieldError;
import org.mhaqi.console.api.ProblemMessages;

/**
 * The weekly return form and evaluation-service's report, in the programme's words. The service
 * judges whether the week lies inside an enrolment and was not returned before.
 */
final class WeeklyHours {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private WeeklyHours() {}

  /** evaluation-service's report of the service's weeks. */
  record Report(
      int weeksReturned,
      BigDecimal averageHoursPerMemberPerWeek,
      BigDecimal expectedHoursPerWeek,
      String flag,
      List<Week> weeks) {
    Report {
      weeks = weeks == null ? List.of() : List.copyOf(weeks);
    }
  }

  record Week(
      LocalDate weekStarting,
      int teamMembers,
      BigDecimal qiHours,
      BigDecimal coachingHours,
      BigDecimal totalHours) {

    public String weekWords() {
      return "Week starting " + DAY.format(weekStarting);
    }
  }

  /** What to put right first, or the body to send. */
  record Checked(Map<String, Object> body, List<FieldError> errors) {}

  /** The report's verdict as a sentence. */
  static String verdict(Report report) {
    if (report.weeksReturned() == 0 || "NO_RETURNS".equals(report.flag())) {
      return "No weeks returned yet.";
    }
    String average =
        "On average "
            + report.averageHoursPerMemberPerWeek().stripTrailingZeros().toPlainString()
            + " hours a week per team member over "
            + report.weeksReturned()
            + (report.weeksReturned() == 1 ? " week" : " weeks")
            + "; the programme asks about "
            + report.expectedHoursPerWeek().stripTrailingZeros().toPlainString()
            + ".";
    return switch (report.flag()) {
      case "WELL_BELOW" -> average + " That is well below what the programme asks.";
      case "WELL_ABOVE" -> average + " That is well above what the programme asks.";
      default -> average + " That is as the programme expects.";
    };
  }

  static String tagColour(String flag) {
    return switch (flag == null ? "" : flag) {
      case "WELL_BELOW", "WELL_ABOVE" -> "nhsuk-tag--orange";
      case "AS_EXPECTED" -> "nhsuk-tag--green";
      default -> "nhsuk-tag--grey";
    };
  }

  static Checked check(Map<String, String> form) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate week = null;
    String typed = value(form, "week");
    if (typed == null) {
      errors.add(new FieldError("week", null, "Enter the Monday the week starts on"));
    } else {
      try {
        week = LocalDate.parse(typed);
        if (week.getDayOfWeek() != DayOfWeek.MONDAY) {
          errors.add(
              new FieldError(
                  "week",
                  null,
                  "The week must start on a Monday ("
                      + typed
                      + " is a "
                      + week.getDayOfWeek()
                          .getDisplayName(java.time.format.TextStyle.FULL, Locale.UK)
                      + ")"));
        }
      } catch (DateTimeParseException e) {
        errors.add(
            new FieldError(
                "week",
                null,
                "The week must be a date written like 2026-12-07 (not '" + typed + "')"));
      }
    }
    Integer members = null;
    String typedMembers = value(form, "members");
    if (typedMembers == null) {
      errors.add(new FieldError("members", null, "Enter how many team members the hours cover"));
    } else {
      try {
        members = Integer.parseInt(typedMembers);
        if (members < 1) {
          errors.add(new FieldError("members", null, "The hours must cover at least 1 member"));
        }
      } catch (NumberFormatException e) {
        errors.add(
            new FieldError(
                "members",
                null,
                "Team members must be a whole number, like 6 (not '" + typedMembers + "')"));
      }
    }
    BigDecimal qi = hours(form, "qi-hours", "QI work hours", errors);
    BigDecimal coaching = hours(form, "coaching-hours", "coaching hours", errors);
    if (!errors.isEmpty()) {
      return new Checked(Map.of(), errors);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("weekStarting", week.toString());
    body.put("teamMembers", members);
    body.put("qiHours", qi);
    body.put("coachingHours", coaching);
    return new Checked(body, List.of());
  }

  static ProblemMessages.Field field(String field) {
    if (field == null) {
      return new ProblemMessages.Field(null, "week");
    }
    return switch (field) {
      case "weekStarting" -> new ProblemMessages.Field("week", "week");
      case "teamMembers" -> new ProblemMessages.Field("members", "number of team members");
      case "qiHours" -> new ProblemMessages.Field("qi-hours", "QI work hours");
      case "coachingHours" -> new ProblemMessages.Field("coaching-hours", "coaching hours");
      default -> ProblemMessages.asNamed(field);
    };
  }

  private static BigDecimal hours(
      Map<String, String> form, String id, String label, List<FieldError> errors) {
    String typed = value(form, id);
    if (typed == null) {
      errors.add(new FieldError(id, null, "Enter the " + label + ", or 0"));
      return null;
    }
    try {
      BigDecimal hours = new BigDecimal(typed);
      if (hours.signum() < 0 || hours.scale() > 2) {
        errors.add(
            new FieldError(
                id,
                null,
                label.substring(0, 1).toUpperCase(Locale.UK)
                    + label.substring(1)
                    + " must be 0 or more, with at most 2 decimal places, like 7.5"));
        return null;
      }
      return hours;
    } catch (NumberFormatException e) {
      errors.add(
          new FieldError(
              id,
              null,
              label.substring(0, 1).toUpperCase(Locale.UK)
                  + label.substring(1)
                  + " must be a number of hours, like 7.5 (not '"
                  + typed
                  + "')"));
      return null;
    }
  }

  private static String value(Map<String, String> form, String field) {
    String value = form.get(field);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
