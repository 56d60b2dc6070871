package org.mhaqi.evaluation.it;

import java.util.Map;
import org.mhaqi.evaluation.engagement.EngagementFigures;
import org.mhaqi.events.enrollment.TeamRole;

/** The figures of {@link ProgrammeEvents}, worked out by hand from its sessions. */
final class Expected {

  private Expected() {}

  // Executive: London's delivered (60/60), cancelled (60), moved (60, to come); North West's
  // delivered (50 of 60). Attendances 5 + 2.
  static final EngagementFigures EXECUTIVE =
      new EngagementFigures(
          4,
          2,
          1,
          240,
          60,
          110,
          1,
          7,
          Map.of(
              TeamRole.SERVICE_LEAD,
              2L,
              TeamRole.FRONTLINE_STAFF,
              4L,
              TeamRole.LIVED_EXPERIENCE_PARTNER,
              1L));

  // Service leadership and frontline delivery: London's improvement day, 420 of 480 minutes.
  static final EngagementFigures SERVICE_DELIVERY =
      new EngagementFigures(
          1,
          1,
          0,
          480,
          0,
          420,
          0,
          3,
          Map.of(TeamRole.SERVICE_LEAD, 1L, TeamRole.FRONTLINE_STAFF, 2L));

  // London: 60 + 480 + 60 + 60 planned, 60 cancelled, 60 + 420 delivered; attendances 5 + 3.
  static final EngagementFigures LONDON =
      new EngagementFigures(
          4,
          2,
          1,
          660,
          60,
          480,
          1,
          8,
          Map.of(
              TeamRole.SERVICE_LEAD,
              2L,
              TeamRole.FRONTLINE_STAFF,
              5L,
              TeamRole.LIVED_EXPERIENCE_PARTNER,
              1L));

  static final EngagementFigures NORTH_WEST =
      new EngagementFigures(
          1,
          1,
          0,
          60,
          0,
          50,
          0,
          2,
          Map.of(TeamRole.SERVICE_LEAD, 1L, TeamRole.FRONTLINE_STAFF, 1L));
}
