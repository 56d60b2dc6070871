package org.mhaqi.console.team;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.mhaqi.console.api.FieldError;
import org.mhaqi.console.api.ProblemMessages;

/**
 * The trust's forms: a new team member, the executive commitment, an expression of interest. Each
 * checks only what it needs to build enrollment-service's request; the service decides the rest and
 * its refusals come back against these fields.
 */
final class TeamForms {

  /** The executive sponsor's three backings, as the form names them. */
  static final Map<String, String> BACKINGS = backings();

  /** TeamRole in event-contracts, as the form offers it. */
  static final Map<String, String> ROLES = roles();

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** What a form makes: the body to send, or what to put right first. */
  record Checked(Map<String, Object> body, List<FieldError> errors) {

    boolean valid() {
      return errors.isEmpty();
    }
  }

  private TeamForms() {}

  static Checked member(Map<String, String> form) {
    List<FieldError> errors = new ArrayList<>();
    String role = value(form, "role");
    if (role == null || !ROLES.containsKey(role)) {
      errors.add(new FieldError("role", null, "Select the member's role in the project team"));
    }
    String name = value(form, "name");
    if (name == null) {
      errors.add(new FieldError("name", null, "Enter the member's full name"));
    } else if (name.length() > 200) {
      errors.add(new FieldError("name", null, "The name must be 200 characters or fewer"));
    }
    String email = value(form, "email");
    if (email == null) {
      errors.add(new FieldError("email", null, "Enter the member's work e-mail address"));
    } else if (!EMAIL.matcher(email).matches()) {
      errors.add(
          new FieldError(
              "email", null, "Enter an e-mail address in the right format, like name@nhs.net"));
    }
    if (!errors.isEmpty()) {
      return new Checked(Map.of(), errors);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("role", role);
    body.put("name", name);
    body.put("email", email);
    return new Checked(body, List.of());
  }

  static ProblemMessages.Field memberField(String field) {
    if (field == null) {
      return new ProblemMessages.Field(null, "team member");
    }
    return switch (field) {
      case "role" -> new ProblemMessages.Field("role", "role");
      case "name" -> new ProblemMessages.Field("name", "name");
      case "email" -> new ProblemMessages.Field("email", "e-mail address");
      default -> ProblemMessages.asNamed(field);
    };
  }

  /** The sponsor (a current executive sponsor of the team) and the three backings, all needed. */
  static Checked commitment(Map<String, String> form) {
    List<FieldError> errors = new ArrayList<>();
    UUID sponsor = null;
    String typed = value(form, "sponsor");
    try {
      sponsor = typed == null ? null : UUID.fromString(typed);
    } catch (IllegalArgumentException e) {
      sponsor = null;
    }
    if (sponsor == null) {
      errors.add(new FieldError("sponsor", null, "Select the executive sponsor"));
    }
    boolean involvement = "yes".equals(form.get("organisationInvolvement"));
    boolean ideas = "yes".equals(form.get("teamChangeIdeas"));
    boolean data = "yes".equals(form.get("proportionateDataCollection"));
    if (!(involvement && ideas && data)) {
      errors.add(
          new FieldError(
              "organisationInvolvement",
              null,
              "Confirm all three backings: the programme needs each of them before enrolment"));
    }
    if (!errors.isEmpty()) {
      return new Checked(Map.of(), errors);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sponsorMemberId", sponsor.toString());
    body.put("organisationInvolvement", true);
    body.put("teamChangeIdeas", true);
    body.put("proportionateDataCollection", true);
    return new Checked(body, List.of());
  }

  static ProblemMessages.Field commitmentField(String field) {
    if (field == null) {
      return new ProblemMessages.Field(null, "commitment");
    }
    return switch (field) {
      case "sponsorMemberId" -> new ProblemMessages.Field("sponsor", "executive sponsor");
      case "organisationInvolvement", "teamChangeIdeas", "proportionateDataCollection" ->
          new ProblemMessages.Field("organisationInvolvement", "backing");
      default -> ProblemMessages.asNamed(field);
    };
  }

  /** A service of the organisation and the phase it is interested in. */
  static Checked interest(Map<String, String> form) {
    List<FieldError> errors = new ArrayList<>();
    UUID service = uuid(form, "service");
    if (service == null) {
      errors.add(new FieldError("service", null, "Select the service"));
    }
    UUID phase = uuid(form, "phase");
    if (phase == null) {
      errors.add(new FieldError("phase", null, "Select the phase"));
    }
    if (!errors.isEmpty()) {
      return new Checked(Map.of(), errors);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("serviceId", service.toString());
    body.put("phaseId", phase.toString());
    return new Checked(body, List.of());
  }

  static ProblemMessages.Field interestField(String field) {
    if (field == null) {
      return new ProblemMessages.Field(null, "interest");
    }
    return switch (field) {
      case "serviceId" -> new ProblemMessages.Field("service", "service");
      case "phaseId" -> new ProblemMessages.Field("phase", "phase");
      default -> ProblemMessages.asNamed(field);
    };
  }

  private static UUID uuid(Map<String, String> form, String field) {
    String typed = value(form, field);
    try {
      return typed == null ? null : UUID.fromString(typed);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String value(Map<String, String> form, String field) {
    String value = form.get(field);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Map<String, String> backings() {
    Map<String, String> backings = new LinkedHashMap<>();
    backings.put("organisationInvolvement", "The organisation's involvement in the programme");
    backings.put("teamChangeIdeas", "The team's change ideas");
    backings.put("proportionateDataCollection", "Proportionate data collection");
    return java.util.Collections.unmodifiableMap(backings);
  }

  private static Map<String, String> roles() {
    Map<String, String> roles = new LinkedHashMap<>();
    roles.put("EXECUTIVE_SPONSOR", "Executive sponsor");
    roles.put("SENIOR_OPERATIONAL_LEADER", "Senior operational leader");
    roles.put("SERVICE_LEAD", "Service lead");
    roles.put("FRONTLINE_STAFF", "Frontline staff");
    roles.put("QI_LEAD", "QI lead");
    roles.put("LIVED_EXPERIENCE_PARTNER", "Lived experience partner");
    return java.util.Collections.unmodifiableMap(roles);
  }
}
