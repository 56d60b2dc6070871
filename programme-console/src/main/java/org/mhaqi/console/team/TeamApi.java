package org.mhaqi.console.team;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** The services' answers as the trust's enrolment pages read them (the fields they use). */
final class TeamApi {

  private TeamApi() {}

  /** A page of the services' lists. */
  record Page<T>(List<T> content) {
    Page {
      content = content == null ? List.of() : List.copyOf(content);
    }
  }

  record Organisation(UUID id, String odsCode, String name) {}

  record Service(UUID id, String name, String serviceType) {}

  record Phase(
      UUID id,
      String kind,
      String name,
      LocalDate startsOn,
      LocalDate endsOn,
      LocalDate coachingStartsOn,
      LocalDate coachingEndsOn) {}

  record Programme(UUID id, String name, List<Phase> phases) {
    Programme {
      phases = phases == null ? List.of() : List.copyOf(phases);
    }
  }

  record Commitment(
      UUID sponsorMemberId,
      boolean organisationInvolvement,
      boolean teamChangeIdeas,
      boolean proportionateDataCollection,
      Instant confirmedAt) {}

  record Enrollment(
      UUID id,
      UUID serviceId,
      UUID organisationId,
      UUID phaseId,
      String status,
      Instant appliedAt,
      Commitment executiveCommitment) {}

  record Member(
      UUID id, String role, String name, String email, Instant removedAt, Instant erasedAt) {

    boolean current() {
      return removedAt == null && erasedAt == null;
    }
  }

  record Session(
      UUID id,
      String level,
      String kind,
      LocalDateTime startsAt,
      LocalDateTime endsAt,
      String status,
      boolean staffed) {}

  record Plan(
      UUID id,
      LocalDate windowStartsOn,
      LocalDate windowEndsOn,
      LocalDate coachedFrom,
      long scheduledSessions,
      long completedSessions,
      long cancelledSessions,
      double bookedTeamHoursPerWeek,
      double expectedTeamHoursPerWeek,
      List<Session> sessions) {
    Plan {
      sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }
  }

  record CreatedSubscription(UUID id, String url) {}
}
