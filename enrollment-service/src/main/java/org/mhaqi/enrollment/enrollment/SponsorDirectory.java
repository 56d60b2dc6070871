package org.mhaqi.enrollment.enrollment;

import java.util.UUID;

/** Tells whether a project team member is the executive sponsor of an enrolment's team. */
public interface SponsorDirectory {

  boolean isExecutiveSponsor(UUID enrollmentId, UUID memberId);
}
