package org.mhaqi.console.organisation;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mhaqi.console.api.Part;
import org.mhaqi.console.layout.Words;

/** What the organisation page shows, each part from its service or why it is missing. */
record OrganisationPage(Part<Organisation> organisation, Part<List<ServiceRow>> services) {

  /** An organisation as enrollment-service answers it. */
  record Organisation(UUID id, String odsCode, String name, String providerType, String region) {

    public String regionWords() {
      return Words.name(region);
    }
  }

  /** A service as enrollment-service answers it. */
  record Service(UUID id, String name, String serviceType) {}

  /** An enrolment as enrollment-service answers it. */
  record Enrollment(UUID id, UUID serviceId, UUID phaseId, String status, Instant appliedAt) {}

  /** A page of enrollment-service's lists. */
  record Page<T>(List<T> content) {
    Page {
      content = content == null ? List.of() : List.copyOf(content);
    }
  }

  /** One service with its enrolments, as a row of the page. */
  record ServiceRow(UUID id, String name, String type, List<EnrollmentRow> enrollments) {}

  /** One enrolment: its status in words, the phase, and the service's chart page in that phase. */
  record EnrollmentRow(String phase, String status, String tagColour, URI charts) {}

  static List<ServiceRow> rows(
      List<Service> services,
      List<Enrollment> enrollments,
      Map<UUID, String> phaseNames,
      URI evaluationPages) {
    return services.stream()
        .map(
            s ->
                new ServiceRow(
                    s.id(),
                    s.name(),
                    Words.plain(s.serviceType()),
                    enrollments.stream()
                        .filter(e -> s.id().equals(e.serviceId()))
                        .map(
                            e ->
                                new EnrollmentRow(
                                    phaseNames.getOrDefault(e.phaseId(), "Phase"),
                                    status(e.status()),
                                    tagColour(e.status()),
                                    evaluationPages.resolve(
                                        "/reports/phases/" + e.phaseId() + "/services/" + s.id())))
                        .toList()))
        .toList();
  }

  /** The life-cycle step as the programme says it. */
  static String status(String status) {
    return switch (status) {
      case "INTERESTED" -> "Interest expressed";
      case "WAITLISTED" -> "On the waitlist";
      default -> Words.plain(status);
    };
  }

  static String tagColour(String status) {
    return switch (status) {
      case "ENROLLED" -> "nhsuk-tag--green";
      case "WAITLISTED", "INTERESTED" -> "nhsuk-tag--blue";
      case "DECLINED", "WITHDRAWN" -> "nhsuk-tag--grey";
      default -> "nhsuk-tag--white";
    };
  }
}
