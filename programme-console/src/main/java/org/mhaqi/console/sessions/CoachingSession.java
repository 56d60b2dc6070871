package org.mhaqi.console.sessions;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;

/** A session as coaching-service answers it (the fields the pages use). */
record CoachingSession(
    UUID id,
    UUID serviceId,
    String level,
    String kind,
    LocalDateTime startsAt,
    LocalDateTime endsAt,
    int durationMinutes,
    LocalDateTime originalStartsAt,
    UUID coachId,
    boolean staffed,
    String status,
    String cancellationCause,
    String cancellationReason,
    Integer deliveredMinutes,
    Map<String, Integer> attendance,
    Boolean livedExperiencePartnerTookPart) {

  boolean scheduled() {
    return "SCHEDULED".equals(status);
  }
}
