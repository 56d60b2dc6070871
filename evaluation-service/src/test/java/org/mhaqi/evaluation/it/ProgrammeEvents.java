package org.mhaqi.evaluation.it;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mhaqi.evaluation.engagement.SessionEvents;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.coaching.CoachingPlanCreated;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceType;

/**
 * A small phase of the programme as events, with fresh ids each time: two enrolled services in two
 * regions, their plans and sessions delivered, cancelled, moved and still to come.
 *
 * <p>London service: executive hour delivered (60 of 60 minutes; a service lead, 3 frontline staff,
 * a lived-experience partner), improvement day delivered (420 of 480 minutes; a service lead, 2
 * frontline staff), executive hour cancelled, executive hour moved twice and still to come. North
 * West service: executive hour delivered (50 of 60 minutes; a service lead, 1 frontline staff).
 */
final class ProgrammeEvents {

  final UUID phaseId = UUID.randomUUID();
  final ServiceEnrolled london = enrolled(Region.LONDON, "RRV");
  final ServiceEnrolled northWest = enrolled(Region.NORTH_WEST, "RXA");
  final List<DomainEvent> enrollmentEvents = List.of(london, northWest);
  final List<DomainEvent> coachingEvents = new ArrayList<>();

  ProgrammeEvents() {
    Instant t = SessionEvents.T0;
    coachingEvents.add(plan(london, 4));
    coachingEvents.add(plan(northWest, 1));
    SessionEvents exec =
        SessionEvents.executiveHour(london.enrollmentId(), london.serviceId(), phaseId);
    SessionEvents day =
        SessionEvents.improvementDay(london.enrollmentId(), london.serviceId(), phaseId);
    SessionEvents cancelled =
        SessionEvents.executiveHour(london.enrollmentId(), london.serviceId(), phaseId);
    SessionEvents moved =
        SessionEvents.executiveHour(london.enrollmentId(), london.serviceId(), phaseId);
    SessionEvents northExec =
        SessionEvents.executiveHour(northWest.enrollmentId(), northWest.serviceId(), phaseId);
    var ten = SessionEvents.TEN_AM;
    coachingEvents.addAll(
        List.of(
            exec.scheduled(),
            exec.completed(ten, 60, 3, true, t.plusSeconds(100)),
            day.scheduled(),
            day.completed(ten, 420, 2, false, t.plusSeconds(200)),
            cancelled.scheduled(),
            cancelled.cancelled(ten, t.plusSeconds(300)),
            moved.scheduled(),
            moved.rescheduled(1, ten, ten.plusDays(1)),
            moved.rescheduled(2, ten.plusDays(1), ten.plusDays(2)),
            northExec.scheduled(),
            northExec.completed(ten, 50, 1, false, t.plusSeconds(400))));
  }

  List<DomainEvent> all() {
    List<DomainEvent> all = new ArrayList<>(enrollmentEvents);
    all.addAll(coachingEvents);
    return all;
  }

  private ServiceEnrolled enrolled(Region region, String odsCode) {
    return new ServiceEnrolled(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        odsCode,
        ProviderType.NHS_TRUST,
        region,
        ServiceType.ADULT_ACUTE,
        phaseId,
        PhaseKind.WIDER_IMPLEMENTATION,
        LocalDate.of(2024, 9, 1),
        LocalDate.of(2025, 3, 31),
        false,
        Instant.parse("2024-07-15T09:00:00Z"));
  }

  private CoachingPlanCreated plan(ServiceEnrolled e, int sessions) {
    return new CoachingPlanCreated(
        UUID.nameUUIDFromBytes(e.enrollmentId().toString().getBytes()),
        e.enrollmentId(),
        e.serviceId(),
        phaseId,
        PhaseKind.WIDER_IMPLEMENTATION,
        LocalDate.of(2024, 9, 1),
        LocalDate.of(2025, 3, 31),
        sessions,
        0,
        Instant.parse("2024-07-15T09:01:00Z"));
  }
}
