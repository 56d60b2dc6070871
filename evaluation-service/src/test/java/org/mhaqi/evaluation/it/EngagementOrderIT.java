package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.evaluation.engagement.EngagementQueries.Dimension.LEVEL;
import static org.mhaqi.evaluation.engagement.EngagementQueries.Dimension.REGION;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.engagement.EngagementFigures;
import org.mhaqi.evaluation.engagement.EngagementProjection;
import org.mhaqi.evaluation.engagement.EngagementQueries;
import org.mhaqi.evaluation.engagement.EngagementQueries.Group;
import org.mhaqi.evaluation.engagement.PlanFacts;
import org.mhaqi.evaluation.engagement.SessionFacts;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.evaluation.enrollment.EnrolledServices;
import org.mhaqi.evaluation.enrollment.EnrollmentEnd;
import org.mhaqi.evaluation.enrollment.EnrollmentProjection;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.coaching.CoachingPlanCreated;
import org.mhaqi.events.coaching.SessionCancelled;
import org.mhaqi.events.coaching.SessionCompleted;
import org.mhaqi.events.coaching.SessionRescheduled;
import org.mhaqi.events.coaching.SessionScheduled;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.WithdrawalReason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The same events applied to the projections in several orders, with duplicates, against the real
 * database: the figures and the enrolment view come out the same every time, and as worked out by
 * hand. Each order runs on a fresh copy of the programme (new ids), so the runs never meet.
 */
class EngagementOrderIT extends EvaluationIntegrationTest {

  @Autowired EngagementProjection engagement;
  @Autowired EnrollmentProjection enrolments;
  @Autowired EngagementQueries queries;
  @Autowired EnrolledServices enrolledServices;
  @Autowired PlatformTransactionManager transactionManager;

  /** What one run produced, free of its ids. */
  record Outcome(
      Map<String, EngagementFigures> byRegion,
      Map<String, EngagementFigures> byLevel,
      EnrolledService.Status londonStatus,
      EnrolledService.Status northWestStatus) {}

  @Test
  void everyOrderWithDuplicatesGivesTheSameFiguresAndView() {
    List<Function<List<DomainEvent>, List<DomainEvent>>> orders =
        List.of(
            events -> events,
            events -> reversed(events),
            events -> shuffled(events, 1),
            events -> shuffled(events, 2),
            events -> shuffled(events, 3),
            // Every coaching event before any enrolment event, newest first.
            events -> {
              List<DomainEvent> coachingFirst = new ArrayList<>(reversed(events));
              coachingFirst.sort(
                  (a, b) ->
                      Boolean.compare(a instanceof ServiceEnrolled, b instanceof ServiceEnrolled));
              return coachingFirst;
            });

    List<Outcome> outcomes = new ArrayList<>();
    for (var order : orders) {
      ProgrammeEvents programme = new ProgrammeEvents();
      List<DomainEvent> events = new ArrayList<>(programme.all());
      events.add(
          new EnrollmentCompleted(
              programme.london.enrollmentId(),
              programme.london.serviceId(),
              programme.phaseId,
              Instant.parse("2025-03-31T16:00:00Z")));
      events.add(
          new EnrollmentWithdrawn(
              programme.northWest.enrollmentId(),
              programme.northWest.serviceId(),
              programme.phaseId,
              "ENROLLED",
              WithdrawalReason.OTHER,
              Instant.parse("2025-01-10T12:00:00Z")));
      for (DomainEvent event : withDuplicates(order.apply(events))) {
        apply(event);
      }
      outcomes.add(outcome(programme));
    }

    assertThat(outcomes).hasSize(6).containsOnly(outcomes.get(0));
    Outcome outcome = outcomes.get(0);
    assertThat(outcome.byRegion())
        .isEqualTo(Map.of("LONDON", Expected.LONDON, "NORTH_WEST", Expected.NORTH_WEST));
    assertThat(outcome.byLevel())
        .isEqualTo(
            Map.of(
                "EXECUTIVE",
                Expected.EXECUTIVE,
                "SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY",
                Expected.SERVICE_DELIVERY));
    assertThat(outcome.londonStatus()).isEqualTo(EnrolledService.Status.COMPLETED);
    assertThat(outcome.northWestStatus()).isEqualTo(EnrolledService.Status.WITHDRAWN);
  }

  /** Applies an event as the consumers do, in a transaction of its own. */
  private void apply(DomainEvent event) {
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              if (event instanceof ServiceEnrolled e) {
                enrolments.enrolled(e);
              } else if (event instanceof EnrollmentWithdrawn e) {
                enrolments.ended(e.enrollmentId(), EnrollmentEnd.of(e));
              } else if (event instanceof EnrollmentCompleted e) {
                enrolments.ended(e.enrollmentId(), EnrollmentEnd.of(e));
              } else if (event instanceof CoachingPlanCreated e) {
                engagement.plan(PlanFacts.of(e));
              } else if (event instanceof SessionScheduled e) {
                engagement.session(SessionFacts.of(e));
              } else if (event instanceof SessionRescheduled e) {
                engagement.session(SessionFacts.of(e));
              } else if (event instanceof SessionCancelled e) {
                engagement.session(SessionFacts.of(e));
              } else if (event instanceof SessionCompleted e) {
                engagement.session(SessionFacts.of(e));
              } else {
                throw new IllegalArgumentException("Not an engagement event: " + event);
              }
            });
  }

  private Outcome outcome(ProgrammeEvents programme) {
    return new Outcome(
        figures(REGION, programme),
        figures(LEVEL, programme),
        enrolledServices.find(programme.london.enrollmentId()).orElseThrow().status(),
        enrolledServices.find(programme.northWest.enrollmentId()).orElseThrow().status());
  }

  private Map<String, EngagementFigures> figures(
      EngagementQueries.Dimension dimension, ProgrammeEvents programme) {
    return queries
        .figures(
            List.of(dimension),
            "s.phase_id = :phaseId",
            new MapSqlParameterSource().addValue("phaseId", programme.phaseId))
        .stream()
        .collect(Collectors.toMap(g -> g.key().get(0), Group::figures));
  }

  private static List<DomainEvent> reversed(List<DomainEvent> events) {
    List<DomainEvent> copy = new ArrayList<>(events);
    Collections.reverse(copy);
    return copy;
  }

  private static List<DomainEvent> shuffled(List<DomainEvent> events, long seed) {
    List<DomainEvent> copy = new ArrayList<>(events);
    Collections.shuffle(copy, new Random(seed));
    return copy;
  }

  /** A third of the events again, at positions chosen by a fixed seed. */
  private static List<DomainEvent> withDuplicates(List<DomainEvent> events) {
    Random random = new Random(events.size());
    List<DomainEvent> copy = new ArrayList<>(events);
    for (int i = 0; i < events.size() / 3; i++) {
      copy.add(random.nextInt(copy.size() + 1), events.get(random.nextInt(events.size())));
    }
    return copy;
  }
}
