package org.mhaqi.coaching.scheduling;

import org.mhaqi.coaching.scheduling.Cadence.Executive;
import org.mhaqi.coaching.scheduling.Cadence.ImprovementDay;
import org.mhaqi.coaching.scheduling.Cadence.Weekly;

/** Cadences the planner's tests compare the defaults with. */
final class TestCadences {

  private TestCadences() {}

  /** The cadences before the blend: an improvement day every month (2.6 hours a week). */
  static Cadence monthlyImprovementDays() {
    ImprovementDay day = ImprovementDay.defaults();
    return new Cadence(
        Executive.defaults(),
        Weekly.defaults(),
        new ImprovementDay(
            day.enabled(),
            day.duration(),
            day.weekOfMonth(),
            day.weekdays(),
            day.startTime(),
            day.replacesWeeklySession(),
            ImprovementDay.Placement.MONTHLY));
  }
}
