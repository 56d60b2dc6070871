package org.mhaqi.console.changeidea;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.mhaqi.console.api.FieldError;
import org.mhaqi.console.api.ProblemMessages;

/**
 * Change ideas as evaluation-service keeps them, their forms and their words. The service decides
 * whether a cycle may start (one at a time, never after the idea was abandoned).
 */
final class ChangeIdeas {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** The PDSA decisions, as the form offers them. */
  static final Map<String, String> ACTS = acts();

  private ChangeIdeas() {}

  record Cycle(
      int number,
      String plan,
      LocalDate startedOn,
      String done,
      String study,
      String act,
      LocalDate completedOn) {

    public boolean running() {
      return act == null;
    }

    public String started() {
      return startedOn == null ? "" : DAY.format(startedOn);
    }

    public String completed() {
      return completedOn == null ? "Running" : DAY.format(completedOn);
    }

    public String decision() {
      return act == null ? "Not decided yet" : ACTS.getOrDefault(act, act);
    }
  }

  record Idea(
      UUID id,
      UUID serviceId,
      String title,
      String description,
      boolean coProduced,
      List<String> measureCodes,
      String status,
      List<Cycle> cycles) {
    Idea {
      measureCodes = measureCodes == null ? List.of() : List.copyOf(measureCodes);
      cycles = cycles == null ? List.of() : List.copyOf(cycles);
    }

    /** The cycle that runs now, if any. */
    public Cycle running() {
      return cycles.stream().filter(Cycle::running).findFirst().orElse(null);
    }

    /** A new cycle may be planned: none runs and the idea is still being tested. */
    public boolean canStartCycle() {
      return running() == null && ("PROPOSED".equals(status) || "TESTING".equals(status));
    }

    public String statusWords() {
      return ChangeIdeas.status(status);
    }

    public String tagColour() {
      return switch (status == null ? "" : status) {
        case "ADOPTED" -> "nhsuk-tag--green";
        case "ABANDONED" -> "nhsuk-tag--grey";
        case "TESTING" -> "nhsuk-tag--blue";
        default -> "nhsuk-tag--white";
      };
    }
  }

  record Measure(String code, String name) {}

  /** What to put right first, or the body to send. */
  record Checked(Map<String, Object> body, List<FieldError> errors) {}

  static String status(String status) {
    return switch (status == null ? "" : status) {
      case "PROPOSED" -> "Proposed: no cycle yet";
      case "TESTING" -> "Testing";
      case "ADOPTED" -> "Adopted";
      case "ABANDONED" -> "Abandoned";
      default -> status;
    };
  }

  /** A new idea: title, description, whether co-produced, and at least one measure. */
  static Checked idea(Map<String, String> form, List<String> measureCodes) {
    List<FieldError> errors = new ArrayList<>();
    String title = text(form, "title", "Enter a short title for the idea", 200, errors);
    String description =
        text(
            form, "description", "Describe the idea: what will change, and for whom", 5000, errors);
    String coProduced = value(form, "co-produced");
    if (coProduced == null) {
      errors.add(
          new FieldError(
              "co-produced",
              null,
              "Select whether the idea was co-produced with lived experience partners"));
    }
    if (measureCodes.isEmpty()) {
      errors.add(new FieldError("measures", null, "Select at least one measure the idea targets"));
    }
    if (!errors.isEmpty()) {
      return new Checked(Map.of(), errors);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("description", description);
    body.put("coProduced", "yes".equals(coProduced));
    body.put("measureCodes", List.copyOf(measureCodes));
    return new Checked(body, List.of());
  }

  static ProblemMessages.Field ideaField(String field) {
    if (field == null) {
      return new ProblemMessages.Field(null, "idea");
    }
    if (field.startsWith("measureCodes")) {
      return new ProblemMessages.Field("measures", "measures");
    }
    return switch (field) {
      case "title" -> new ProblemMessages.Field("title", "title");
      case "description" -> new ProblemMessages.Field("description", "description");
      case "coProduced" -> new ProblemMessages.Field("co-produced", "co-production");
      default -> ProblemMessages.asNamed(field);
    };
  }

  /** Planning a cycle: the plan and the day it starts. */
  static Checked cycle(Map<String, String> form) {
    List<FieldError> errors = new ArrayList<>();
    String plan =
        text(form, "plan", "Enter the plan: what you will try, and what you predict", 5000, errors);
    LocalDate started = date(form, "started-on", "the day the cycle starts", errors);
    if (!errors.isEmpty()) {
      return new Checked(Map.of(), errors);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("plan", plan);
    body.put("startedOn", started.toString());
    return new Checked(body, List.of());
  }

  static ProblemMessages.Field cycleField(String field) {
    if (field == null) {
      return new ProblemMessages.Field(null, "cycle");
    }
    return switch (field) {
      case "plan" -> new ProblemMessages.Field("plan", "plan");
      case "startedOn" -> new ProblemMessages.Field("started-on", "start day");
      default -> ProblemMessages.asNamed(field);
    };
  }

  /** The running cycle's outcome: what was done, what was learned, the decision and the day. */
  static Checked outcome(Map<String, String> form) {
    List<FieldError> errors = new ArrayList<>();
    String done = text(form, "done", "Enter what was done", 5000, errors);
    String study = text(form, "study", "Enter what the team learned from the data", 5000, errors);
    String act = value(form, "act");
    if (act == null || !ACTS.containsKey(act)) {
      errors.add(new FieldError("act", null, "Select the decision: adopt, adapt or abandon"));
    }
    LocalDate completed = date(form, "completed-on", "the day the cycle ended", errors);
    if (!errors.isEmpty()) {
      return new Checked(Map.of(), errors);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("done", done);
    body.put("study", study);
    body.put("act", act);
    body.put("completedOn", completed.toString());
    return new Checked(body, List.of());
  }

  static ProblemMessages.Field outcomeField(String field) {
    if (field == null) {
      return new ProblemMessages.Field(null, "outcome");
    }
    return switch (field) {
      case "done" -> new ProblemMessages.Field("done", "what was done");
      case "study" -> new ProblemMessages.Field("study", "what was learned");
      case "act" -> new ProblemMessages.Field("act", "decision");
      case "completedOn" -> new ProblemMessages.Field("completed-on", "end day");
      default -> ProblemMessages.asNamed(field);
    };
  }

  private static String text(
      Map<String, String> form, String id, String missing, int max, List<FieldError> errors) {
    String typed = value(form, id);
    if (typed == null) {
      errors.add(new FieldError(id, null, missing));
      return null;
    }
    if (typed.length() > max) {
      errors.add(new FieldError(id, null, "This must be " + max + " characters or fewer"));
      return null;
    }
    return typed;
  }

  private static LocalDate date(
      Map<String, String> form, String id, String label, List<FieldError> errors) {
    String typed = value(form, id);
    if (typed == null) {
      errors.add(new FieldError(id, null, "Enter " + label));
      return null;
    }
    try {
      return LocalDate.parse(typed);
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              id,
              null,
              "Enter " + label + " as a date written like 2026-12-07 (not '" + typed + "')"));
      return null;
    }
  }

  private static String value(Map<String, String> form, String field) {
    String value = form.get(field);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Map<String, String> acts() {
    Map<String, String> acts = new LinkedHashMap<>();
    acts.put("ADOPT", "Adopt: it worked, make it how we work");
    acts.put("ADAPT", "Adapt: change it and test again in another cycle");
    acts.put("ABANDON", "Abandon: stop testing this idea");
    return java.util.Collections.unmodifiableMap(acts);
  }
}
