package org.mhaqi.coaching.enrollment;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.UUID;
import org.mhaqi.events.enrollment.TeamRole;

/** A member of an enrolment's project team, by id and role only. */
@Embeddable
public record TeamMember(UUID memberId, @Enumerated(EnumType.STRING) TeamRole role) {}
