package org.mhaqi.console.sessions;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One session for its page: what it is, where it stands and, once delivered, who came. */
record SessionPage(
    UUID id,
    String when,
    String what,
    String status,
    String tagColour,
    boolean open,
    String originally,
    String delivered,
    List<Attended> attendance,
    String partner,
    String cancelled,
    int durationMinutes,
    String date,
    String time) {

  /** How many of a project-team role came. */
  record Attended(String role, int count) {}

  static SessionPage of(CoachingSession s) {
    boolean moved = s.originalStartsAt() != null && !s.originalStartsAt().equals(s.startsAt());
    Map<String, Integer> attendance = s.attendance() == null ? Map.of() : s.attendance();
    return new SessionPage(
        s.id(),
        CoachWeeks.when(s.startsAt(), s.endsAt()),
        CoachWeeks.what(s),
        CoachWeeks.status(s),
        CoachWeeks.tagColour(s),
        s.scheduled(),
        moved ? CoachWeeks.when(s.originalStartsAt(), null) : null,
        s.deliveredMinutes() == null ? null : s.deliveredMinutes() + " minutes",
        SessionForms.TEAM_ROLES.entrySet().stream()
            .filter(role -> attendance.containsKey(role.getKey()))
            .map(role -> new Attended(role.getValue(), attendance.get(role.getKey())))
            .toList(),
        s.livedExperiencePartnerTookPart() == null
            ? null
            : (s.livedExperiencePartnerTookPart() ? "Yes" : "No"),
        "CANCELLED".equals(s.status()) ? cancelled(s) : null,
        s.durationMinutes(),
        s.startsAt().toLocalDate().toString(),
        s.startsAt().toLocalTime().toString());
  }

  private static String cancelled(CoachingSession s) {
    String reason = s.cancellationReason();
    return reason == null || reason.isBlank() ? "Cancelled" : reason;
  }
}
