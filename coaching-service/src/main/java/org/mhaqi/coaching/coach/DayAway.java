package org.mhaqi.coaching.coach;

import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** A day the coach is away (leave, training): no session is planned with them that day. */
@Embeddable
public record DayAway(LocalDate day, String reason) {}
