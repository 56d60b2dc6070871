package org.mhaqi.console.team;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.mhaqi.console.layout.Words;

/** What the enrolment page shows, worked out from the services' answers. */
final class EnrollmentPage {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

  private EnrollmentPage() {}

  /** A current member of the project team. */
  record MemberRow(UUID id, String role, String name, String email, boolean livedExperience) {}

  /** The executive commitment as the page says it. */
  record CommitmentRows(
      boolean confirmed, String sponsor, String involvement, String ideas, String data) {}

  /** The coaching plan as the page says it. */
  record PlanRows(String window, String timeCommitment, List<SessionRow> upcoming) {}

  record SessionRow(String when, String what, String status) {}

  static List<MemberRow> members(List<TeamApi.Member> members) {
    return members.stream()
        .filter(TeamApi.Member::current)
        .sorted(
            Comparator.comparingInt(
                (TeamApi.Member m) -> List.copyOf(TeamForms.ROLES.keySet()).indexOf(m.role())))
        .map(
            m ->
                new MemberRow(
                    m.id(),
                    TeamForms.ROLES.getOrDefault(m.role(), Words.plain(m.role())),
                    m.name(),
                    m.email(),
                    "LIVED_EXPERIENCE_PARTNER".equals(m.role())))
        .toList();
  }

  /** The current executive sponsors: whom the commitment can name. */
  static List<MemberRow> sponsors(List<TeamApi.Member> members) {
    return members(members).stream().filter(m -> m.role().equals("Executive sponsor")).toList();
  }

  static CommitmentRows commitment(TeamApi.Commitment c, List<TeamApi.Member> members) {
    if (c == null) {
      return new CommitmentRows(false, null, null, null, null);
    }
    String sponsor =
        members.stream()
            .filter(m -> Objects.equals(m.id(), c.sponsorMemberId()))
            .map(m -> m.name() == null ? "A former member" : m.name())
            .findFirst()
            .orElse("A former member");
    return new CommitmentRows(
        true,
        sponsor,
        yesNo(c.organisationInvolvement()),
        yesNo(c.teamChangeIdeas()),
        yesNo(c.proportionateDataCollection()));
  }

  static PlanRows plan(TeamApi.Plan plan, LocalDate today) {
    String window =
        DAY.format(plan.coachedFrom() == null ? plan.windowStartsOn() : plan.coachedFrom())
            + " to "
            + DAY.format(plan.windowEndsOn());
    String time =
        "%s hours a week of coaching booked on average; the programme asks about %s hours a week of each team member, coaching included."
            .formatted(
                hours(plan.bookedTeamHoursPerWeek()), hours(plan.expectedTeamHoursPerWeek()));
    List<SessionRow> upcoming =
        plan.sessions().stream()
            .filter(s -> !s.startsAt().toLocalDate().isBefore(today))
            .filter(s -> "SCHEDULED".equals(s.status()))
            .sorted(Comparator.comparing(TeamApi.Session::startsAt))
            .limit(10)
            .map(
                s ->
                    new SessionRow(
                        WHEN.format(s.startsAt()),
                        ("IMPROVEMENT_DAY".equals(s.kind())
                                ? "Improvement day"
                                : "Coaching session")
                            + ", "
                            + Words.plain(s.level()).toLowerCase(Locale.UK),
                        s.staffed() ? "Coach assigned" : "Coach to be confirmed"))
            .toList();
    return new PlanRows(window, time, upcoming);
  }

  /** "1.5", "2": hours to one decimal place, without a trailing zero. */
  static String hours(double hours) {
    double rounded = Math.round(hours * 10) / 10.0;
    return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
  }

  /** Phase options "Programme: phase (starts 1 April 2027)" by id. */
  static Map<UUID, String> phaseNames(List<TeamApi.Programme> programmes) {
    Map<UUID, String> names = new java.util.LinkedHashMap<>();
    for (TeamApi.Programme p : programmes) {
      for (TeamApi.Phase phase : p.phases()) {
        names.put(
            phase.id(),
            p.name()
                + ": "
                + phase.name()
                + (phase.startsOn() == null
                    ? ""
                    : " (starts " + DAY.format(phase.startsOn()) + ")"));
      }
    }
    return names;
  }

  private static String yesNo(boolean backed) {
    return backed ? "Yes" : "No";
  }
}
