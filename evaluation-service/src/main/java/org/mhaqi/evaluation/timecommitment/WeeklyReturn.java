package org.mhaqi.evaluation.timecommitment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One week's time-commitment return of a service's project team.
 *
 * @param weekStarting the Monday of the week
 * @param teamMembers how many project team members the hours cover
 * @param qiHours hours spent on QI work (developing and testing change ideas, data), all members
 * @param coachingHours hours spent in coaching sessions, all members
 */
public record WeeklyReturn(
    UUID serviceId,
    UUID enrollmentId,
    LocalDate weekStarting,
    int teamMembers,
    BigDecimal qiHours,
    BigDecimal coachingHours) {

  public BigDecimal totalHours() {
    return qiHours.add(coachingHours);
  }
}
