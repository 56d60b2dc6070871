package org.mhaqi.evaluation.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.enrollment.EnrolledService.Status;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.events.enrollment.WithdrawalReason;

class EnrollmentFactsTest {

  static final UUID ENROLMENT = UUID.randomUUID();

  // 23:30 UTC on 31 July 2024 is already 1 August in England (BST).
  static final Instant LATE_JULY_UTC = Instant.parse("2024-07-31T23:30:00Z");

  static ServiceEnrolled enrolled(Instant at) {
    return new ServiceEnrolled(
        ENROLMENT,
        UUID.randomUUID(),
        UUID.randomUUID(),
        "RX4",
        ProviderType.NHS_FOUNDATION_TRUST,
        Region.LONDON,
        ServiceType.PICU,
        UUID.randomUUID(),
        PhaseKind.WIDER_IMPLEMENTATION,
        LocalDate.of(2024, 9, 1),
        LocalDate.of(2025, 3, 31),
        false,
        at);
  }

  @Test
  void anEnrolmentWithoutEndRunsFromItsDayInEngland() {
    EnrolledService view = EnrollmentFacts.enrolledService(enrolled(LATE_JULY_UTC), null);

    assertThat(view.enrolledOn()).isEqualTo(LocalDate.of(2024, 8, 1));
    assertThat(view.status()).isEqualTo(Status.ENROLLED);
    assertThat(view.endedOn()).isNull();
    assertThat(view.region()).isEqualTo(Region.LONDON);
    assertThat(view.providerType()).isEqualTo(ProviderType.NHS_FOUNDATION_TRUST);
    assertThat(view.coachingStartsOn()).isEqualTo(LocalDate.of(2024, 9, 1));
    assertThat(view.coachingEndsOn()).isEqualTo(LocalDate.of(2025, 3, 31));
  }

  @Test
  void aKnownEndIsCarriedEvenWhenItArrivedFirst() {
    EnrollmentEnd end =
        EnrollmentEnd.of(
            new EnrollmentWithdrawn(
                ENROLMENT,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "ENROLLED",
                WithdrawalReason.OTHER,
                Instant.parse("2024-12-01T00:30:00Z")));

    EnrolledService view = EnrollmentFacts.enrolledService(enrolled(LATE_JULY_UTC), end);

    assertThat(view.status()).isEqualTo(Status.WITHDRAWN);
    assertThat(view.endedOn()).isEqualTo(LocalDate.of(2024, 12, 1));
  }

  @Test
  void anEndInSummerTimeFallsOnItsDayInEngland() {
    EnrollmentEnd end =
        EnrollmentEnd.of(new EnrollmentCompleted(ENROLMENT, null, null, LATE_JULY_UTC));

    assertThat(end.status()).isEqualTo(Status.COMPLETED);
    assertThat(end.endedOn()).isEqualTo(LocalDate.of(2024, 8, 1));
  }

  @Test
  void ofTwoEndsTheEarlierStandsWhicheverCameFirst() {
    EnrollmentEnd withdrawn = new EnrollmentEnd(Status.WITHDRAWN, LATE_JULY_UTC.plusSeconds(1));
    EnrollmentEnd completed = new EnrollmentEnd(Status.COMPLETED, LATE_JULY_UTC);

    assertThat(withdrawn.merge(completed)).isEqualTo(completed);
    assertThat(completed.merge(withdrawn)).isEqualTo(completed);
    assertThat(completed.merge(null)).isEqualTo(completed);
    assertThat(completed.merge(completed)).isEqualTo(completed);
  }

  @Test
  void endsAtTheSameInstantAreSettledByStatusNotOrder() {
    EnrollmentEnd withdrawn = new EnrollmentEnd(Status.WITHDRAWN, LATE_JULY_UTC);
    EnrollmentEnd completed = new EnrollmentEnd(Status.COMPLETED, LATE_JULY_UTC);

    assertThat(withdrawn.merge(completed)).isEqualTo(withdrawn);
    assertThat(completed.merge(withdrawn)).isEqualTo(withdrawn);
  }

  @Test
  void anEndIsWithdrawnOrCompletedAndHasATime() {
    assertThatThrownBy(() -> new EnrollmentEnd(Status.ENROLLED, LATE_JULY_UTC))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EnrollmentEnd(null, LATE_JULY_UTC))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EnrollmentEnd(Status.WITHDRAWN, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endedAt");
  }

  @Test
  void everyFieldTheViewStoresIsRequired() {
    ServiceEnrolled ok = enrolled(LATE_JULY_UTC);
    List<String> fields =
        List.of(
            "enrollmentId",
            "serviceId",
            "organisationId",
            "odsCode",
            "region",
            "serviceType",
            "phaseId",
            "phaseKind",
            "coachingStartsOn",
            "coachingEndsOn",
            "enrolledAt");
    for (int missing = 0; missing < fields.size(); missing++) {
      int m = missing;
      ServiceEnrolled lacking =
          new ServiceEnrolled(
              m == 0 ? null : ok.enrollmentId(),
              m == 1 ? null : ok.serviceId(),
              m == 2 ? null : ok.organisationId(),
              m == 3 ? null : ok.odsCode(),
              ok.providerType(),
              m == 4 ? null : ok.region(),
              m == 5 ? null : ok.serviceType(),
              m == 6 ? null : ok.phaseId(),
              m == 7 ? null : ok.phaseKind(),
              m == 8 ? null : ok.coachingStartsOn(),
              m == 9 ? null : ok.coachingEndsOn(),
              false,
              m == 10 ? null : ok.enrolledAt());
      assertThatThrownBy(() -> EnrollmentFacts.enrolledService(lacking, null))
          .as(fields.get(m))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(fields.get(m));
    }
  }

  @Test
  void anEnrolmentLackingWhatTheViewNeedsIsRefused() {
    ServiceEnrolled ok = enrolled(LATE_JULY_UTC);
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
    ServiceEnrolled windowBackwards =
        new ServiceEnrolled(
            ok.enrollmentId(),
            ok.serviceId(),
            ok.organisationId(),
            ok.odsCode(),
            ok.providerType(),
            ok.region(),
            ok.serviceType(),
            ok.phaseId(),
            ok.phaseKind(),
            ok.coachingEndsOn(),
            ok.coachingStartsOn(),
            false,
            ok.enrolledAt());
    ServiceEnrolled oneDayWindow =
        new ServiceEnrolled(
            ok.enrollmentId(),
            ok.serviceId(),
            ok.organisationId(),
            ok.odsCode(),
            null,
            ok.region(),
            ok.serviceType(),
            ok.phaseId(),
            ok.phaseKind(),
            ok.coachingStartsOn(),
            ok.coachingStartsOn(),
            false,
            ok.enrolledAt());

    assertThatThrownBy(() -> EnrollmentFacts.enrolledService(noRegion, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("region");
    assertThatThrownBy(() -> EnrollmentFacts.enrolledService(windowBackwards, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before");
    assertThat(EnrollmentFacts.enrolledService(oneDayWindow, null).providerType()).isNull();
  }
}
