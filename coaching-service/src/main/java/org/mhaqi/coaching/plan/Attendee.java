package org.mhaqi.coaching.plan;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.UUID;
import org.mhaqi.events.enrollment.TeamRole;

/** A project team member recorded as attending a session, by id and role. */
@Embeddable
public record Attendee(UUID memberId, @Enumerated(EnumType.STRING) TeamRole role) {}
