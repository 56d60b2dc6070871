package org.mhaqi.console.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.mhaqi.console.layout.Words;

/**
 * What enrollment-service answers about programmes, phases and enrolments, and how the central
 * team's pages show it: counts as places taken and left, statuses and steps in words.
 */
final class ProgrammeViews {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

  private ProgrammeViews() {}

  /** A page of enrollment-service's lists. */
  record Page<T>(List<T> content) {
    Page {
      content = content == null ? List.of() : List.copyOf(content);
    }
  }

  /** A programme with its phases, as enrollment-service answers it. */
  record Programme(UUID id, String name, List<Phase> phases) {
    Programme {
      phases = phases == null ? List.of() : List.copyOf(phases);
    }
  }

  /** A phase's plan, as enrollment-service answers it. */
  record Phase(
      UUID id,
      UUID programmeId,
      String kind,
      String name,
      LocalDate startsOn,
      LocalDate endsOn,
      int capacity,
      LocalDate coachingStartsOn,
      LocalDate coachingEndsOn) {}

  /** A phase's counts by status and its places left, as enrollment-service answers it. */
  record Occupancy(
      UUID phaseId,
      String kind,
      String name,
      int capacity,
      long placesLeft,
      Map<String, Long> enrollments) {

    public long count(String status) {
      return enrollments == null ? 0 : enrollments.getOrDefault(status, 0L);
    }

    /** Places used: capacity minus what is left (enrolled and completed services). */
    public long placesTaken() {
      return Math.max(0, capacity - placesLeft);
    }
  }

  /** One place on the waitlist, as enrollment-service answers it. */
  record WaitlistEntry(int position, UUID enrollmentId, UUID serviceId, Instant appliedAt) {}

  /** An enrolment, as enrollment-service answers it. */
  record Enrollment(
      UUID id,
      UUID serviceId,
      UUID organisationId,
      UUID phaseId,
      String status,
      Instant appliedAt,
      UUID carriedOverFrom,
      boolean learningNetwork,
      String declineReason,
      Commitment executiveCommitment,
      List<Step> history) {

    Enrollment {
      history = history == null ? List.of() : List.copyOf(history);
    }

    /** The central team decides an application once the sponsor has confirmed the backings. */
    public boolean decidable() {
      return "INTERESTED".equals(status) && executiveCommitment != null;
    }

    public boolean declinable() {
      return "INTERESTED".equals(status);
    }

    /** A waiting or enrolled service may withdraw; a place it frees goes to the waitlist. */
    public boolean withdrawable() {
      return "WAITLISTED".equals(status) || "ENROLLED".equals(status);
    }
  }

  /** The executive sponsor's commitment. */
  record Commitment(
      UUID sponsorMemberId,
      boolean organisationInvolvement,
      boolean teamChangeIdeas,
      boolean proportionateDataCollection,
      Instant confirmedAt,
      String confirmedBy) {}

  /** One step of an enrolment's life cycle. */
  record Step(int sequence, String from, String to, Instant at, String actor, String reason) {}

  /** A service's name, as enrollment-service answers it. */
  record ServiceName(UUID id, UUID organisationId, String name, String serviceType) {}

  /** One phase as a row of the programme page. */
  record PhaseRow(
      UUID id,
      String name,
      String kind,
      String dates,
      int capacity,
      String taken,
      String left,
      long interested,
      long waitlisted,
      String unavailable) {}

  static PhaseRow row(Phase phase, Occupancy occupancy, String unavailable) {
    String dates = day(phase.startsOn()) + " to " + day(phase.endsOn());
    if (occupancy == null) {
      return new PhaseRow(
          phase.id(),
          phase.name(),
          kind(phase.kind()),
          dates,
          phase.capacity(),
          "Not known",
          "Not known",
          0,
          0,
          unavailable);
    }
    return new PhaseRow(
        phase.id(),
        phase.name(),
        kind(phase.kind()),
        dates,
        phase.capacity(),
        occupancy.placesTaken() + " of " + occupancy.capacity(),
        places(occupancy.placesLeft()),
        occupancy.count("INTERESTED"),
        occupancy.count("WAITLISTED"),
        null);
  }

  static String places(long left) {
    return left == 0 ? "None: the phase is full" : left == 1 ? "1 place" : left + " places";
  }

  static String kind(String kind) {
    return "WIDER_IMPLEMENTATION".equals(kind) ? "Wider implementation" : Words.plain(kind);
  }

  /** The life-cycle step as the programme says it. */
  static String status(String status) {
    if (status == null) {
      return "";
    }
    return switch (status) {
      case "INTERESTED" -> "Interest expressed";
      case "WAITLISTED" -> "On the waitlist";
      default -> Words.plain(status);
    };
  }

  static String tagColour(String status) {
    if (status == null) {
      return "nhsuk-tag--white";
    }
    return switch (status) {
      case "ENROLLED" -> "nhsuk-tag--green";
      case "COMPLETED" -> "nhsuk-tag--purple";
      case "WAITLISTED", "INTERESTED" -> "nhsuk-tag--blue";
      case "DECLINED", "WITHDRAWN" -> "nhsuk-tag--grey";
      default -> "nhsuk-tag--white";
    };
  }

  /** Why a service withdraws, as enrollment-service's codes, in the order the form lists them. */
  record Reason(String code, String words) {}

  static final List<Reason> WITHDRAWAL_REASONS =
      List.of(
          new Reason("STAFFING_PRESSURES", "Staffing pressures"),
          new Reason("ORGANISATIONAL_PRIORITIES", "The organisation chose other priorities"),
          new Reason("SERVICE_CLOSED_OR_MERGED", "The service closed or merged"),
          new Reason("OTHER", "Another reason"));

  private static final List<String> STATUSES =
      List.of("INTERESTED", "DECLINED", "WAITLISTED", "ENROLLED", "WITHDRAWN", "COMPLETED");

  /**
   * A service's message with its status constants in words ("An enrolment that is ENROLLED" reads
   * "An enrolment that is enrolled").
   */
  static String inWords(String message) {
    String words = message;
    for (String status : STATUSES) {
      words = words.replace(status, status(status).toLowerCase(Locale.ROOT));
    }
    return words;
  }

  /** One step of the history as a row: when, what happened, who, why. */
  record StepRow(String at, String change, String actor, String reason) {}

  static List<StepRow> history(List<Step> steps) {
    return steps.stream()
        .map(
            s ->
                new StepRow(
                    moment(s.at()),
                    step(s.from(), s.to()),
                    s.actor() == null ? "" : s.actor(),
                    s.reason() == null ? "" : s.reason()))
        .toList();
  }

  /** What a step did, as the programme says it. */
  static String step(String from, String to) {
    if (to == null) {
      return "";
    }
    return switch (to) {
      case "INTERESTED" -> "Interest expressed";
      case "WAITLISTED" -> "Put on the waitlist";
      case "ENROLLED" -> "WAITLISTED".equals(from) ? "Promoted from the waitlist" : "Enrolled";
      case "DECLINED" -> "Declined";
      case "WITHDRAWN" -> "Withdrawn";
      case "COMPLETED" -> "Completed the phase";
      default -> Words.plain(to);
    };
  }

  static String day(LocalDate date) {
    return date == null ? "" : DAY.format(date);
  }

  static String moment(Instant at) {
    return at == null ? "" : MOMENT.format(at.atZone(LONDON));
  }
}
