package org.mhaqi.coaching.learningevent;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.LearningEventAudience;
import org.mhaqi.events.coaching.LearningEventFormat;

/**
 * A learning event as the API and the calendar feeds show it.
 *
 * @param startsAt wall-clock start in {@code timeZone}
 * @param startsAtInstant the same start as an instant (UTC)
 * @param attendingServices how many services' attendance was recorded
 */
public record LearningEventView(
    UUID id,
    String title,
    LearningEventFormat format,
    LocalDateTime startsAt,
    LocalDateTime endsAt,
    String timeZone,
    Instant startsAtInstant,
    int durationMinutes,
    LearningEventAudience audience,
    UUID phaseId,
    CoachingLevel level,
    boolean learningNetworkInvited,
    Instant scheduledAt,
    long attendingServices) {}
