package org.mhaqi.evaluation.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mhaqi.evaluation.engagement.SessionEvents.T0;
import static org.mhaqi.evaluation.engagement.SessionEvents.TEN_AM;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.engagement.SessionEvents;
import org.mhaqi.evaluation.engagement.SessionFacts;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.events.coaching.CoachingPlanCreated;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProjectTeamUpdated;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.events.enrollment.WithdrawalReason;

class FoldTest {

  final UUID enrollmentId = UUID.randomUUID();
  final UUID serviceId = UUID.randomUUID();
  final UUID phaseId = UUID.randomUUID();
  final SessionEvents session = SessionEvents.executiveHour(enrollmentId, serviceId, phaseId);

  ServiceEnrolled enrolled() {
    return new ServiceEnrolled(
        enrollmentId,
        serviceId,
        UUID.randomUUID(),
        "RX4",
        ProviderType.NHS_TRUST,
        Region.MIDLANDS,
        ServiceType.PICU,
        phaseId,
        PhaseKind.PILOT,
        LocalDate.of(2024, 9, 1),
        LocalDate.of(2025, 3, 31),
        false,
        Instant.parse("2024-07-15T09:00:00Z"));
  }

  @Test
  void foldsEachSessionsEventsWithTheLiveMergeRules() {
    Fold fold = new Fold();

    assertThat(fold.apply(session.completed(TEN_AM, 45, 2, true, T0))).isTrue();
    assertThat(fold.apply(session.scheduled())).isTrue();
    assertThat(fold.apply(session.scheduled())).isTrue();

    assertThat(fold.sessions(false))
        .containsExactly(
            SessionFacts.of(session.scheduled())
                .merge(SessionFacts.of(session.completed(TEN_AM, 45, 2, true, T0))));
    assertThat(fold.sessionCount()).isEqualTo(1);
  }

  @Test
  void anEndBeforeItsEnrolmentEndsItAndTheEarlierOfTwoEndsStands() {
    Fold fold = new Fold();
    fold.apply(
        new EnrollmentCompleted(
            enrollmentId, serviceId, phaseId, Instant.parse("2025-03-31T12:00:00Z")));
    fold.apply(
        new EnrollmentWithdrawn(
            enrollmentId,
            serviceId,
            phaseId,
            "ENROLLED",
            WithdrawalReason.OTHER,
            Instant.parse("2025-01-06T12:00:00Z")));
    fold.apply(enrolled());

    List<EnrolledService> services = fold.enrolledServices(false);
    assertThat(services).hasSize(1);
    assertThat(services.get(0).status()).isEqualTo(EnrolledService.Status.WITHDRAWN);
    assertThat(services.get(0).endedOn()).isEqualTo(LocalDate.of(2025, 1, 6));
    assertThat(fold.ends(false)).containsOnlyKeys(enrollmentId);
  }

  @Test
  void theLaterPlanAnnouncementStands() {
    Fold fold = new Fold();
    fold.apply(plan(38, Instant.parse("2024-07-15T09:01:00Z")));
    fold.apply(plan(37, Instant.parse("2024-07-15T09:00:00Z")));

    assertThat(fold.plans(false))
        .singleElement()
        .satisfies(p -> assertThat(p.sessions()).isEqualTo(38));
  }

  @Test
  void typesThatBuildNoProjectionAreNotApplied() {
    Fold fold = new Fold();

    assertThat(fold.apply(new ProjectTeamUpdated(enrollmentId, serviceId, List.of(), T0, null)))
        .isFalse();
    assertThat(fold.sessions(false)).isEmpty();
    assertThat(fold.enrolledServices(false)).isEmpty();
  }

  @Test
  void incompleteEventsAreRefusedAsTheLiveConsumerRefusesThem() {
    Fold fold = new Fold();
    ServiceEnrolled ok = enrolled();
    ServiceEnrolled noRegion =
        new ServiceEnrolled(
            ok.enrollmentId(),
            ok.serviceId(),
            ok.organisationId(),
            ok.odsCode(),
            ok.providerType(),
            null,
            ok.serviceType(),
            ok.phaseId(),
            ok.phaseKind(),
            ok.coachingStartsOn(),
            ok.coachingEndsOn(),
            false,
            ok.enrolledAt());

    assertThatThrownBy(() -> fold.apply(noRegion)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                fold.apply(
                    new EnrollmentWithdrawn(
                        null, serviceId, phaseId, "ENROLLED", WithdrawalReason.OTHER, T0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(fold.enrolledServices(false)).isEmpty();
  }

  @Test
  void onlyWhatChangedSinceTheMarkIsHandedOutForTheCatchUp() {
    Fold fold = new Fold();
    SessionEvents other = SessionEvents.executiveHour(enrollmentId, serviceId, phaseId);
    fold.apply(enrolled());
    fold.apply(session.scheduled());
    fold.apply(other.scheduled());
    fold.apply(plan(38, T0));
    fold.clearChanged();

    fold.apply(other.cancelled(TEN_AM, T0));
    fold.apply(new EnrollmentCompleted(enrollmentId, serviceId, phaseId, T0));

    assertThat(fold.sessions(true))
        .singleElement()
        .satisfies(s -> assertThat(s.sessionId()).isEqualTo(other.sessionId()));
    assertThat(fold.sessions(false)).hasSize(2);
    assertThat(fold.plans(true)).isEmpty();
    assertThat(fold.plans(false)).hasSize(1);
    assertThat(fold.enrolledServices(true))
        .singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(EnrolledService.Status.COMPLETED));
    assertThat(fold.ends(true)).containsOnlyKeys(enrollmentId);
  }

  private CoachingPlanCreated plan(int sessions, Instant createdAt) {
    return new CoachingPlanCreated(
        session.planId(),
        enrollmentId,
        serviceId,
        phaseId,
        PhaseKind.PILOT,
        LocalDate.of(2024, 9, 1),
        LocalDate.of(2025, 3, 31),
        sessions,
        0,
        createdAt);
  }
}
