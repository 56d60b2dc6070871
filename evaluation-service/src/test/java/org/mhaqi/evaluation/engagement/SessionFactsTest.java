package org.mhaqi.evaluation.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mhaqi.evaluation.engagement.SessionEvents.T0;
import static org.mhaqi.evaluation.engagement.SessionEvents.TEN_AM;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.engagement.SessionFacts.Cancellation;
import org.mhaqi.evaluation.engagement.SessionFacts.Completion;
import org.mhaqi.evaluation.engagement.SessionFacts.Status;
import org.mhaqi.evaluation.engagement.SessionFacts.Timing;
import org.mhaqi.events.coaching.CancellationCause;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionCompleted;
import org.mhaqi.events.coaching.SessionKind;
import org.mhaqi.events.enrollment.TeamRole;

class SessionFactsTest {

  static final LocalDateTime ELEVEN = TEN_AM.plusHours(1);
  static final LocalDateTime NEXT_DAY = TEN_AM.plusDays(1);

  final SessionEvents session =
      SessionEvents.executiveHour(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

  @Test
  void aScheduledSessionIsPlannedAtItsTimeAndLength() {
    SessionFacts facts = SessionFacts.of(session.scheduled());

    assertThat(facts.status()).isEqualTo(Status.SCHEDULED);
    assertThat(facts.scheduled()).isTrue();
    assertThat(facts.timing()).isEqualTo(new Timing(TEN_AM, 60, 0));
    assertThat(facts.level()).isEqualTo(CoachingLevel.EXECUTIVE);
    assertThat(facts.kind()).isEqualTo(SessionKind.COACHING_SESSION);
    assertThat(facts.cancellation()).isNull();
    assertThat(facts.completion()).isNull();
  }

  @Test
  void aCompletionCarriesDeliveredMinutesAttendanceByRoleAndThePartner() {
    SessionFacts facts = SessionFacts.of(session.completed(ELEVEN, 55, 3, true, T0));

    assertThat(facts.status()).isEqualTo(Status.DELIVERED);
    assertThat(facts.scheduled()).isFalse();
    assertThat(facts.timing()).isEqualTo(new Timing(ELEVEN, 60, Timing.FINAL));
    assertThat(facts.completion())
        .isEqualTo(
            new Completion(
                T0,
                55,
                5,
                true,
                Map.of(
                    TeamRole.SERVICE_LEAD, 1,
                    TeamRole.FRONTLINE_STAFF, 3,
                    TeamRole.LIVED_EXPERIENCE_PARTNER, 1)));
  }

  @Test
  void rolesNamedTwiceAreAddedAndRolesNobodyAttendedAreLeftOut() {
    SessionCompleted twice =
        new SessionCompleted(
            session.sessionId(),
            session.planId(),
            session.enrollmentId(),
            session.serviceId(),
            session.phaseId(),
            session.level(),
            session.kind(),
            TEN_AM,
            "Europe/London",
            null,
            60,
            60,
            List.of(
                new SessionCompleted.RoleAttendance(TeamRole.FRONTLINE_STAFF, 2, List.of()),
                new SessionCompleted.RoleAttendance(TeamRole.FRONTLINE_STAFF, 1, List.of()),
                new SessionCompleted.RoleAttendance(TeamRole.QI_LEAD, 0, List.of())),
            3,
            false,
            T0);

    assertThat(SessionFacts.of(twice).completion().attendance())
        .isEqualTo(Map.of(TeamRole.FRONTLINE_STAFF, 3));
  }

  @Test
  void aCancellationBeforeItsSchedulingGivesTheSameFactsAsAfter() {
    SessionFacts scheduled = SessionFacts.of(session.scheduled());
    SessionFacts cancelled = SessionFacts.of(session.cancelled(TEN_AM, T0.plusSeconds(60)));

    SessionFacts inOrder = scheduled.merge(cancelled);
    SessionFacts reversed = cancelled.merge(scheduled);

    assertThat(inOrder).isEqualTo(reversed);
    assertThat(inOrder.status()).isEqualTo(Status.CANCELLED);
    assertThat(inOrder.scheduled()).isTrue();
    assertThat(inOrder.cancellation())
        .isEqualTo(new Cancellation(T0.plusSeconds(60), CancellationCause.REQUESTED));
  }

  @Test
  void theLatestRescheduleSetsTheTimeWhateverOrderTheMovesArriveIn() {
    SessionFacts first = SessionFacts.of(session.rescheduled(1, TEN_AM, ELEVEN));
    SessionFacts second = SessionFacts.of(session.rescheduled(2, ELEVEN, NEXT_DAY));
    SessionFacts scheduled = SessionFacts.of(session.scheduled());

    assertThat(second.merge(first).merge(scheduled).timing())
        .isEqualTo(new Timing(NEXT_DAY, 60, 2));
    assertThat(scheduled.merge(first).merge(second).timing())
        .isEqualTo(new Timing(NEXT_DAY, 60, 2));
  }

  @Test
  void aCompletionOrCancellationTimingOutranksEveryReschedule() {
    SessionFacts moved = SessionFacts.of(session.rescheduled(7, TEN_AM, NEXT_DAY));
    SessionFacts completed = SessionFacts.of(session.completed(ELEVEN, 60, 1, false, T0));

    assertThat(moved.merge(completed).timing().startsAt()).isEqualTo(ELEVEN);
    assertThat(completed.merge(moved).timing().startsAt()).isEqualTo(ELEVEN);
  }

  @Test
  void equalRevisionsAreSettledByTheLaterStartThenTheLongerPlan() {
    Timing early = new Timing(TEN_AM, 60, 3);
    Timing late = new Timing(ELEVEN, 60, 3);
    Timing longer = new Timing(TEN_AM, 90, 3);

    assertThat(Timing.LATEST_LAST.compare(late, early)).isPositive();
    assertThat(Timing.LATEST_LAST.compare(longer, early)).isPositive();
    assertThat(Timing.LATEST_LAST.compare(early, early)).isZero();
  }

  @Test
  void ofTwoCancellationsTheEarlierStandsAndOfTwoCompletionsTheLater() {
    SessionFacts cancelledLate = SessionFacts.of(session.cancelled(TEN_AM, T0.plusSeconds(600)));
    SessionFacts cancelledEarly = SessionFacts.of(session.cancelled(TEN_AM, T0.plusSeconds(60)));
    SessionFacts completedFirst = SessionFacts.of(session.completed(TEN_AM, 40, 2, false, T0));
    SessionFacts corrected =
        SessionFacts.of(session.completed(TEN_AM, 60, 4, true, T0.plusSeconds(1)));

    assertThat(cancelledLate.merge(cancelledEarly).cancellation().cancelledAt())
        .isEqualTo(T0.plusSeconds(60));
    assertThat(cancelledEarly.merge(cancelledLate).cancellation().cancelledAt())
        .isEqualTo(T0.plusSeconds(60));
    assertThat(completedFirst.merge(corrected).completion()).isEqualTo(corrected.completion());
    assertThat(corrected.merge(completedFirst).completion()).isEqualTo(corrected.completion());
  }

  @Test
  void completionsAtTheSameInstantAreSettledByTheirContentNotTheirOrder() {
    SessionFacts shorter = SessionFacts.of(session.completed(TEN_AM, 40, 2, false, T0));
    SessionFacts longer = SessionFacts.of(session.completed(TEN_AM, 50, 2, false, T0));
    SessionFacts moreAttendees = SessionFacts.of(session.completed(TEN_AM, 40, 3, false, T0));
    SessionFacts withPartner = SessionFacts.of(session.completed(TEN_AM, 40, 1, true, T0));

    assertThat(shorter.merge(longer)).isEqualTo(longer.merge(shorter));
    assertThat(shorter.merge(longer).completion().deliveredMinutes()).isEqualTo(50);
    assertThat(shorter.merge(moreAttendees).completion().attendees()).isEqualTo(4);
    assertThat(moreAttendees.merge(shorter).completion().attendees()).isEqualTo(4);
    // Same minutes and attendees (3): the partner's presence decides.
    assertThat(shorter.merge(withPartner).completion().livedExperiencePartnerTookPart()).isTrue();
    assertThat(withPartner.merge(shorter).completion().livedExperiencePartnerTookPart()).isTrue();
  }

  @Test
  void cancellationsAtTheSameInstantAreSettledByTheirCause() {
    Instant at = T0.plusSeconds(5);
    SessionFacts requested = SessionFacts.of(session.cancelled(TEN_AM, at));
    SessionFacts withdrawn =
        new SessionFacts(
            requested.sessionId(),
            requested.planId(),
            requested.enrollmentId(),
            requested.serviceId(),
            requested.phaseId(),
            requested.level(),
            requested.kind(),
            requested.timing(),
            false,
            new Cancellation(at, CancellationCause.ENROLLMENT_WITHDRAWN),
            null);

    assertThat(requested.merge(withdrawn).cancellation().cause())
        .isEqualTo(CancellationCause.REQUESTED);
    assertThat(withdrawn.merge(requested).cancellation().cause())
        .isEqualTo(CancellationCause.REQUESTED);
  }

  @Test
  void aCompletionWinsOverACancellationInEitherOrder() {
    SessionFacts cancelled = SessionFacts.of(session.cancelled(TEN_AM, T0.plusSeconds(60)));
    SessionFacts completed = SessionFacts.of(session.completed(TEN_AM, 60, 1, false, T0));

    assertThat(cancelled.merge(completed).status()).isEqualTo(Status.DELIVERED);
    assertThat(completed.merge(cancelled).status()).isEqualTo(Status.DELIVERED);
  }

  @Test
  void everyOrderOfTheEventsWithDuplicatesGivesTheSameFacts() {
    List<SessionFacts> events =
        List.of(
            SessionFacts.of(session.scheduled()),
            SessionFacts.of(session.rescheduled(1, TEN_AM, ELEVEN)),
            SessionFacts.of(session.rescheduled(2, ELEVEN, NEXT_DAY)),
            SessionFacts.of(session.completed(NEXT_DAY, 45, 2, true, T0.plusSeconds(90_000))),
            SessionFacts.of(session.completed(NEXT_DAY, 45, 2, true, T0.plusSeconds(90_000))),
            SessionFacts.of(session.rescheduled(1, TEN_AM, ELEVEN)));

    Set<SessionFacts> outcomes = new HashSet<>();
    for (List<SessionFacts> order : permutations(events)) {
      outcomes.add(order.stream().reduce(SessionFacts::merge).orElseThrow());
    }

    assertThat(outcomes).hasSize(1);
    SessionFacts outcome = outcomes.iterator().next();
    assertThat(outcome.status()).isEqualTo(Status.DELIVERED);
    assertThat(outcome.scheduled()).isTrue();
    assertThat(outcome.timing()).isEqualTo(new Timing(NEXT_DAY, 60, Timing.FINAL));
    assertThat(outcome.completion().deliveredMinutes()).isEqualTo(45);
  }

  @Test
  void mergingFactsWithThemselvesChangesNothing() {
    SessionFacts facts =
        SessionFacts.of(session.scheduled())
            .merge(SessionFacts.of(session.completed(TEN_AM, 60, 2, false, T0)));

    assertThat(facts.merge(facts)).isEqualTo(facts);
  }

  @Test
  void factsOfAnotherSessionDoNotMerge() {
    SessionFacts mine = SessionFacts.of(session.scheduled());
    SessionFacts other =
        SessionFacts.of(
            SessionEvents.executiveHour(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())
                .scheduled());

    assertThatThrownBy(() -> mine.merge(other)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eventsLackingWhatTheProjectionNeedsAreRefused() {
    assertThatThrownBy(() -> new Timing(TEN_AM, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plannedMinutes");
    assertThat(new Timing(TEN_AM, 1, 0).plannedMinutes()).isEqualTo(1);
    assertThatThrownBy(() -> new Timing(TEN_AM, 60, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("revision");
    assertThatThrownBy(() -> new Timing(null, 60, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startsAt");
    assertThatThrownBy(() -> new Cancellation(null, CancellationCause.REQUESTED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Completion(T0, -1, 0, false, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deliveredMinutes");
    assertThat(new Completion(T0, 0, 0, false, Map.of()).deliveredMinutes()).isZero();
    assertThatThrownBy(() -> new Completion(T0, 10, -1, false, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attendees");
    assertThatThrownBy(() -> new Completion(T0, 10, 1, false, Map.of(TeamRole.QI_LEAD, -1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("QI_LEAD");
    assertThatThrownBy(() -> new Completion(null, 10, 1, false, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    SessionFacts ok = SessionFacts.of(session.scheduled());
    assertThatThrownBy(
            () ->
                new SessionFacts(
                    ok.sessionId(),
                    null,
                    ok.enrollmentId(),
                    ok.serviceId(),
                    ok.phaseId(),
                    ok.level(),
                    ok.kind(),
                    ok.timing(),
                    true,
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("planId");
  }

  @Test
  void everyIdentityFieldIsRequired() {
    SessionFacts ok = SessionFacts.of(session.scheduled());
    List<String> fields =
        List.of(
            "sessionId",
            "planId",
            "enrollmentId",
            "serviceId",
            "phaseId",
            "level",
            "kind",
            "timing");
    for (int missing = 0; missing < fields.size(); missing++) {
      int m = missing;
      assertThatThrownBy(
              () ->
                  new SessionFacts(
                      m == 0 ? null : ok.sessionId(),
                      m == 1 ? null : ok.planId(),
                      m == 2 ? null : ok.enrollmentId(),
                      m == 3 ? null : ok.serviceId(),
                      m == 4 ? null : ok.phaseId(),
                      m == 5 ? null : ok.level(),
                      m == 6 ? null : ok.kind(),
                      m == 7 ? null : ok.timing(),
                      true,
                      null,
                      null))
          .as(fields.get(m))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(fields.get(m));
    }
  }

  @Test
  void attendanceWithoutARoleIsRefused() {
    Map<TeamRole, Integer> noRole = new java.util.HashMap<>();
    noRole.put(null, 1);
    SessionCompleted completed = session.completed(TEN_AM, 60, 1, false, T0);
    SessionCompleted roleless =
        new SessionCompleted(
            completed.sessionId(),
            completed.planId(),
            completed.enrollmentId(),
            completed.serviceId(),
            completed.phaseId(),
            completed.level(),
            completed.kind(),
            TEN_AM,
            "Europe/London",
            null,
            60,
            60,
            List.of(new SessionCompleted.RoleAttendance(null, 1, List.of())),
            1,
            false,
            T0);

    assertThatThrownBy(() -> new Completion(T0, 60, 1, false, noRole))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attendance role");
    assertThatThrownBy(() -> SessionFacts.of(roleless))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attendance role");
  }

  @Test
  void completionsDifferingOnlyInWhoAttendedAreSettledTheSameWayInEitherOrder() {
    Completion leads = new Completion(T0, 60, 2, false, Map.of(TeamRole.SERVICE_LEAD, 2));
    Completion staff = new Completion(T0, 60, 2, false, Map.of(TeamRole.FRONTLINE_STAFF, 2));
    SessionFacts base = SessionFacts.of(session.scheduled());
    SessionFacts a = withCompletion(base, leads);
    SessionFacts b = withCompletion(base, staff);

    assertThat(a.merge(b)).isEqualTo(b.merge(a));
    // "{SERVICE_LEAD=2}" sorts after "{FRONTLINE_STAFF=2}".
    assertThat(a.merge(b).completion()).isEqualTo(leads);
  }

  @Test
  void factsWithEqualTimingsButDifferentIdentitiesMergeTheSameWayInEitherOrder() {
    SessionFacts a = SessionFacts.of(session.scheduled());
    SessionFacts b =
        new SessionFacts(
            a.sessionId(),
            UUID.randomUUID(),
            a.enrollmentId(),
            a.serviceId(),
            a.phaseId(),
            CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY,
            a.kind(),
            a.timing(),
            true,
            null,
            null);

    assertThat(a.merge(b)).isEqualTo(b.merge(a));
  }

  private static SessionFacts withCompletion(SessionFacts f, Completion completion) {
    return new SessionFacts(
        f.sessionId(),
        f.planId(),
        f.enrollmentId(),
        f.serviceId(),
        f.phaseId(),
        f.level(),
        f.kind(),
        f.timing(),
        f.scheduled(),
        f.cancellation(),
        completion);
  }

  static <T> List<List<T>> permutations(List<T> items) {
    if (items.isEmpty()) {
      return List.of(List.of());
    }
    List<List<T>> all = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<T> rest = new ArrayList<>(items);
      T first = rest.remove(i);
      for (List<T> tail : permutations(rest)) {
        List<T> order = new ArrayList<>();
        order.add(first);
        order.addAll(tail);
        all.add(order);
      }
    }
    return all;
  }
}
