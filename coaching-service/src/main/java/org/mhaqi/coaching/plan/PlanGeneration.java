package org.mhaqi.coaching.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.mhaqi.coaching.enrollment.Enrollment;
import org.mhaqi.coaching.scheduling.PlannedSession;
import org.mhaqi.coaching.scheduling.Planner;
import org.mhaqi.coaching.scheduling.Roster;
import org.mhaqi.coaching.scheduling.ScheduleProperties;
import org.mhaqi.support.workingdays.WorkingDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes an enrolment's coaching plan: the planner books coaches over the coaching window, holding
 * the roster lock so that concurrent plans never get the same free time twice.
 */
@Service
@Transactional
public class PlanGeneration {

  private static final Logger log = LoggerFactory.getLogger(PlanGeneration.class);

  private final PlanRepository plans;
  private final RosterLoader rosters;
  private final Planner planner;
  private final WorkingDays workingDays;
  private final ScheduleProperties schedule;
  private final PlanEndings endings;
  private final CoachingMetrics metrics;
  private final Clock clock;

  PlanGeneration(
      PlanRepository plans,
      RosterLoader rosters,
      Planner planner,
      WorkingDays workingDays,
      ScheduleProperties schedule,
      PlanEndings endings,
      CoachingMetrics metrics,
      Clock clock) {
    this.plans = plans;
    this.rosters = rosters;
    this.planner = planner;
    this.workingDays = workingDays;
    this.schedule = schedule;
    this.endings = endings;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Generates and stores the enrolment's plan, unless it has one. A withdrawal already recorded for
   * the enrolment is applied at once, so none of its sessions is left after the withdrawal.
   *
   * @return the plan, new or existing
   */
  public CoachingPlan planFor(Enrollment enrollment) {
    Optional<CoachingPlan> existing = plans.findByEnrollmentId(enrollment.getId());
    if (existing.isPresent()) {
      log.info("Enrollment {} already has plan {}", enrollment.getId(), existing.get().getId());
      return existing.get();
    }
    CoachingPlan plan =
        metrics
            .planGeneration()
            .record(
                () -> {
                  rosters.lock();
                  LocalDate first =
                      enrollment.firstCoachingDay(schedule.timeZone(), workingDays::isWorkingDay);
                  List<PlannedSession> planned = sessionsFor(enrollment, first);
                  metrics.planned(planned);
                  return store(
                      CoachingPlan.create(
                          enrollment, schedule.timeZone(), planned, first, clock.instant()));
                });
    log.info(
        "Planned {} sessions for enrollment {} ({} unstaffed)",
        plan.getSessions().size(),
        enrollment.getId(),
        plan.getSessions().stream().filter(s -> !s.isStaffed()).count());
    TimeCommitment commitment = TimeCommitment.of(plan, schedule.expectedTeamHoursPerWeek());
    if (commitment.exceedsExpectation()) {
      log.warn(
          "The plan of enrollment {} books {} hours a week of team coaching, above the {} hours a"
              + " week the programme asks of a project team in all: check the {} cadence",
          enrollment.getId(),
          commitment.bookedHoursPerWeek(),
          commitment.expectedHoursPerWeek(),
          enrollment.getPhaseKind());
    }
    if (enrollment.isWithdrawn()) {
      endings.withdraw(
          enrollment.getId(), enrollment.getWithdrawnAt(), enrollment.getWithdrawalReason());
    }
    if (enrollment.isCompleted()) {
      endings.completeEnrollment(enrollment.getId(), enrollment.getCompletedAt());
    }
    return plan;
  }

  /**
   * The one place a new plan's sessions are written: saving the plan cascades to its sessions, and
   * the outbox stores the plan's events in the same transaction.
   */
  private CoachingPlan store(CoachingPlan plan) {
    return plans.save(plan);
  }

  /** The sessions of a new plan, from the enrolment's first day of coaching to the window's end. */
  private List<PlannedSession> sessionsFor(Enrollment enrollment, LocalDate first) {
    LocalDate last = enrollment.getCoachingEndsOn();
    if (first.isAfter(enrollment.getCoachingStartsOn())) {
      log.info(
          "Enrollment {} joined the window part-way ({}): sessions from {}",
          enrollment.getId(),
          enrollment.getEnrolledAt(),
          first);
    }
    if (first.isAfter(last)) {
      return List.of();
    }
    if (!workingDays.covers(first) || !workingDays.covers(last)) {
      log.warn(
          "The bank holidays file does not cover {} to {}: only weekends are"
              + " excluded outside the years it lists",
          first,
          last);
    }
    Roster roster = rosters.load(first, last, null);
    return planner.plan(first, last, schedule.cadenceFor(enrollment.getPhaseKind()), roster);
  }
}
