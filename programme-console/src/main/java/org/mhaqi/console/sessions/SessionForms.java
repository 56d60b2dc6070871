package org.mhaqi.console.sessions;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhaqi.console.api.FieldError;
import org.mhaqi.console.api.ProblemMessages;

/**
 * The coach's forms: what is missing or malformed before anything is sent (each error tied to its
 * field), the request body coaching-service takes, and how the service's field names map back to
 * the form's fields for its refusals. The service stays the judge of its rules (a session's length,
 * the team's size, a coach's diary); the console only checks what it must to build the request.
 */
final class SessionForms {

  /** The project team's roles, as coaching-service counts attendance, with their labels. */
  static final Map<String, String> TEAM_ROLES = teamRoles();

  /** RescheduleReason in event-contracts: the code and what the coach reads. */
  static final Map<String, String> RESCHEDULE_REASONS =
      ordered(
          "SERVICE_REQUEST", "The service asked for another time",
          "COACH_UNAVAILABLE", "The coach cannot attend",
          "COACH_REASSIGNED", "Coaches were rebalanced by the programme team",
          "OTHER", "Another reason");

  /** SessionCancellationReason in event-contracts: the code and what the coach reads. */
  static final Map<String, String> CANCELLATION_REASONS =
      ordered(
          "SERVICE_UNAVAILABLE", "The service cannot attend, for example clinical pressures",
          "COACH_UNAVAILABLE", "The coach cannot attend and no other coach can take it",
          "NO_LONGER_NEEDED", "The session is no longer needed",
          "OTHER", "Another reason");

  /** What a form makes: the body to send, or what to put right first. */
  record Checked(Map<String, Object> body, List<FieldError> errors) {

    boolean valid() {
      return errors.isEmpty();
    }
  }

  private SessionForms() {}

  /** Attendance and completion: minutes delivered, attendees per role, the partner's part. */
  static Checked completion(Map<String, String> form) {
    List<FieldError> errors = new ArrayList<>();
    Integer minutes = count(form, "minutes", "minutes delivered", true, errors);
    Map<String, Integer> attendance = new LinkedHashMap<>();
    TEAM_ROLES.forEach(
        (role, label) -> {
          Integer n =
              count(
                  form,
                  "attendance-" + role,
                  "number of " + lower(label) + " who came",
                  false,
                  errors);
          attendance.put(role, n == null ? 0 : n);
        });
    String partner = blankToNull(form.get("lep"));
    if (partner == null) {
      errors.add(
          new FieldError(
              "lep", null, "Select whether a lived experience partner took part in the session"));
    }
    int partners = attendance.get("LIVED_EXPERIENCE_PARTNER");
    if ("yes".equals(partner) && partners == 0 && errors.isEmpty()) {
      errors.add(
          new FieldError(
              "attendance-LIVED_EXPERIENCE_PARTNER",
              null,
              "Enter how many lived experience partners came, or answer No to whether one took"
                  + " part"));
    } else if ("no".equals(partner) && partners > 0 && errors.isEmpty()) {
      errors.add(
          new FieldError(
              "lep",
              null,
              "Answer Yes: you counted " + partners + " lived experience partners who came"));
    }
    if (!errors.isEmpty()) {
      return new Checked(Map.of(), errors);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("minutesDelivered", minutes);
    body.put("attendance", attendance);
    body.put("livedExperiencePartnerTookPart", "yes".equals(partner));
    return new Checked(body, List.of());
  }

  static ProblemMessages.Field completionField(String field) {
    if (field == null) {
      return new ProblemMessages.Field(null, "session");
    }
    if (field.startsWith("minutesDelivered")) {
      return new ProblemMessages.Field("minutes", "minutes delivered");
    }
    if (field.startsWith("livedExperiencePartner")) {
      return new ProblemMessages.Field("lep", "lived experience partner's part");
    }
    for (String role : TEAM_ROLES.keySet()) {
      if (field.startsWith("attendance") && field.contains(role)) {
        return new ProblemMessages.Field(
            "attendance-" + role, "number of " + lower(TEAM_ROLES.get(role)) + " who came");
      }
    }
    if (field.startsWith("attendance")) {
      return new ProblemMessages.Field("attendance-FRONTLINE_STAFF", "attendance");
    }
    return ProblemMessages.asNamed(field);
  }

  /** Moving a session: the new day and time, why (a code) and, if the coach wants, words. */
  static Checked reschedule(Map<String, String> form) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate date = date(form, "date", "new date", errors);
    LocalTime time = null;
    String typedTime = blankToNull(form.get("time"));
    if (typedTime == null) {
      errors.add(new FieldError("time", null, "Enter the new start time"));
    } else {
      try {
        time = LocalTime.parse(typedTime.length() == 4 ? "0" + typedTime : typedTime);
      } catch (DateTimeParseException e) {
        errors.add(
            new FieldError(
                "time",
                null,
                "The start time must be a time written like 14:30 (not '" + typedTime + "')"));
      }
    }
    String code =
        code(form, "reschedule-reason", RESCHEDULE_REASONS, "why the session is moving", errors);
    if (!errors.isEmpty()) {
      return new Checked(Map.of(), errors);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("startsAt", LocalDateTime.of(date, time).toString());
    body.put("reasonCode", code);
    body.put("reason", words(form.get("reschedule-words"), RESCHEDULE_REASONS.get(code)));
    return new Checked(body, List.of());
  }

  static ProblemMessages.Field rescheduleField(String field) {
    if (field == null) {
      return new ProblemMessages.Field(null, "session");
    }
    return switch (field) {
      case "startsAt" -> new ProblemMessages.Field("date", "new time");
      case "reasonCode" -> new ProblemMessages.Field("reschedule-reason", "reason");
      case "reason" -> new ProblemMessages.Field("reschedule-words", "reason in your words");
      case "coachId" -> new ProblemMessages.Field(null, "coach");
      default -> ProblemMessages.asNamed(field);
    };
  }

  /** Cancelling a session: why (a code) and, if the coach wants, words. */
  static Checked cancellation(Map<String, String> form) {
    List<FieldError> errors = new ArrayList<>();
    String code =
        code(form, "cancel-reason", CANCELLATION_REASONS, "why the session is cancelled", errors);
    if (!errors.isEmpty()) {
      return new Checked(Map.of(), errors);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reasonCode", code);
    body.put("reason", words(form.get("cancel-words"), CANCELLATION_REASONS.get(code)));
    return new Checked(body, List.of());
  }

  static ProblemMessages.Field cancellationField(String field) {
    if (field == null) {
      return new ProblemMessages.Field(null, "session");
    }
    return switch (field) {
      case "reasonCode" -> new ProblemMessages.Field("cancel-reason", "reason");
      case "reason" -> new ProblemMessages.Field("cancel-words", "reason in your words");
      default -> ProblemMessages.asNamed(field);
    };
  }

  /** Days away: the first and last day (both included) and, optionally, why. */
  static Checked daysAway(Map<String, String> form) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate from = date(form, "from", "first day away", errors);
    LocalDate to = date(form, "to", "last day away", errors);
    if (from != null && to != null && to.isBefore(from)) {
      errors.add(
          new FieldError("to", null, "The last day away must be the same as or after the first"));
    }
    String reason = blankToNull(form.get("away-reason"));
    if (reason != null && reason.length() > 500) {
      errors.add(new FieldError("away-reason", null, "The reason must be 500 characters or fewer"));
    }
    if (!errors.isEmpty()) {
      return new Checked(Map.of(), errors);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from.toString());
    body.put("to", to.toString());
    if (reason != null) {
      body.put("reason", reason);
    }
    return new Checked(body, List.of());
  }

  static ProblemMessages.Field daysAwayField(String field) {
    if (field == null) {
      return new ProblemMessages.Field(null, "days away");
    }
    return switch (field) {
      case "from" -> new ProblemMessages.Field("from", "days away:");
      case "to" -> new ProblemMessages.Field("to", "last day away");
      case "reason" -> new ProblemMessages.Field("away-reason", "reason");
      default -> ProblemMessages.asNamed(field);
    };
  }

  /** The coach's words, or the code's words when they gave none (the service wants a reason). */
  static String words(String typed, String codeWords) {
    String words = blankToNull(typed);
    return words == null ? codeWords : words;
  }

  private static Integer count(
      Map<String, String> form,
      String id,
      String label,
      boolean required,
      List<FieldError> errors) {
    String typed = blankToNull(form.get(id));
    if (typed == null) {
      if (required) {
        errors.add(new FieldError(id, null, "Enter the " + label));
      }
      return null;
    }
    try {
      int n = Integer.parseInt(typed);
      if (n < 0) {
        errors.add(new FieldError(id, null, capital(label) + " must be 0 or more"));
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      errors.add(
          new FieldError(
              id, null, capital(label) + " must be a whole number, like 6 (not '" + typed + "')"));
      return null;
    }
  }

  private static LocalDate date(
      Map<String, String> form, String id, String label, List<FieldError> errors) {
    String typed = blankToNull(form.get(id));
    if (typed == null) {
      errors.add(new FieldError(id, null, "Enter the " + label));
      return null;
    }
    try {
      return LocalDate.parse(typed);
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              id,
              null,
              capital(label)
                  + " must be a real date written like 2026-12-15 (not '"
                  + typed
                  + "')"));
      return null;
    }
  }

  private static String code(
      Map<String, String> form,
      String id,
      Map<String, String> codes,
      String what,
      List<FieldError> errors) {
    String typed = blankToNull(form.get(id));
    if (typed == null || !codes.containsKey(typed)) {
      errors.add(new FieldError(id, null, "Select " + what));
      return null;
    }
    return typed;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** "Frontline staff" reads "frontline staff" in a sentence, "QI leads" stays. */
  static String lower(String label) {
    return label.length() > 1 && Character.isUpperCase(label.charAt(1))
        ? label
        : Character.toLowerCase(label.charAt(0)) + label.substring(1);
  }

  private static String capital(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static Map<String, String> teamRoles() {
    return ordered(
        "EXECUTIVE_SPONSOR", "Executive sponsors",
        "SENIOR_OPERATIONAL_LEADER", "Senior operational leaders",
        "SERVICE_LEAD", "Service leads",
        "FRONTLINE_STAFF", "Frontline staff",
        "QI_LEAD", "QI leads",
        "LIVED_EXPERIENCE_PARTNER", "Lived experience partners");
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
