package org.mhaqi.enrollment.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mhaqi.enrollment.enrollment.TestData.NOW;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.enrollment.organisation.ServiceProfile;
import org.mhaqi.enrollment.programme.Phase;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.support.web.RuleViolationException;

/** What an enrolment records about itself and puts in the events it announces. */
class EnrollmentRecordTest {

  // Applied well before the decision, so that the two instants cannot be confused.
  private static final Instant APPLIED = Instant.parse("2024-05-02T11:00:00Z");

  @Test
  void interestRecordsTheServiceItsOrganisationThePhaseAndWhenItApplied() {
    ServiceProfile service = TestData.nhsService();
    Phase phase = TestData.widerPhase(37);

    Enrollment enrollment = Enrollment.expressInterest(service, phase, null, APPLIED, "staff", NOW);

    assertThat(enrollment.getServiceId()).isEqualTo(service.serviceId());
    assertThat(enrollment.getOrganisationId()).isEqualTo(service.organisationId());
    assertThat(enrollment.getPhaseId()).isEqualTo(phase.getId());
    assertThat(enrollment.getAppliedAt()).isEqualTo(APPLIED);
    assertThat(enrollment.getCarriedOverFrom()).isNull();
    assertThat(enrollment.isLearningNetwork()).isFalse();
    assertThat(enrollment.getDeclineReason()).isNull();
    assertThat(enrollment.getCommitment()).isNull();
    assertThat(enrollment.getHistory().get(0).getReason()).isNull();
  }

  @Test
  void carriedOverInterestNamesThePilotEnrolmentItCameFrom() {
    UUID pilot = UUID.randomUUID();

    Enrollment enrollment =
        Enrollment.expressInterest(
            TestData.nhsService(), TestData.widerPhase(37), pilot, APPLIED, "staff", NOW);

    assertThat(enrollment.getCarriedOverFrom()).isEqualTo(pilot);
    assertThat(enrollment.getHistory().get(0).getReason())
        .isEqualTo("Carried over from pilot enrolment " + pilot);
    assertThat(enrollment.registeredEvents().get(0))
        .extracting("carriedOverFromEnrollmentId", "appliedAt")
        .containsExactly(pilot, APPLIED);
  }

  @Test
  void theHistoryNumbersItsStepsAndNamesWhereEachCameFrom() {
    Enrollment enrollment = TestData.committed();
    enrollment.waitlist(2, "staff", NOW);
    enrollment.enrol(TestData.nhsService(), TestData.widerPhase(37), "staff", NOW);

    assertThat(enrollment.getHistory())
        .extracting(
            EnrollmentTransition::getSequence,
            EnrollmentTransition::getFromStatus,
            EnrollmentTransition::getToStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, null, EnrollmentStatus.INTERESTED),
            org.assertj.core.groups.Tuple.tuple(
                2, EnrollmentStatus.INTERESTED, EnrollmentStatus.WAITLISTED),
            org.assertj.core.groups.Tuple.tuple(
                3, EnrollmentStatus.WAITLISTED, EnrollmentStatus.ENROLLED));
    assertThat(enrollment.getHistory().get(1).getReason())
        .isEqualTo("Phase at capacity; waitlist position 2");
  }

  @Test
  void theEnrolledEventCarriesThePhasesCoachingWindowAndTheServicesProfile() {
    // Compared with dates written here, not with the phase's getters, so that a getter that
    // loses the window cannot pass unnoticed.
    ServiceProfile service = TestData.nhsService();
    Phase phase = TestData.widerPhase(37);
    Enrollment enrollment = Enrollment.expressInterest(service, phase, null, APPLIED, "staff", NOW);
    enrollment.confirmCommitment(TestData.fullCommitment());

    enrollment.enrol(service, phase, "staff", NOW);

    assertThat(enrollment.registeredEvents())
        .filteredOn(ServiceEnrolled.class::isInstance)
        .singleElement()
        .isEqualTo(
            new ServiceEnrolled(
                enrollment.getId(),
                service.serviceId(),
                service.organisationId(),
                "RX4",
                service.providerType(),
                service.region(),
                service.serviceType(),
                phase.getId(),
                PhaseKind.WIDER_IMPLEMENTATION,
                LocalDate.of(2024, 9, 2),
                LocalDate.of(2025, 3, 31),
                false,
                NOW));
  }

  @Test
  void aCommitmentIsCompleteOnlyWithASponsorAndAllThreeBackings() {
    UUID sponsor = UUID.randomUUID();
    assertThat(new ExecutiveCommitment(sponsor, true, true, true, NOW, "s").isComplete()).isTrue();
    assertThat(new ExecutiveCommitment(null, true, true, true, NOW, "s").isComplete()).isFalse();
    assertThat(new ExecutiveCommitment(sponsor, false, true, true, NOW, "s").isComplete())
        .isFalse();
    assertThat(new ExecutiveCommitment(sponsor, true, false, true, NOW, "s").isComplete())
        .isFalse();
    assertThat(new ExecutiveCommitment(sponsor, true, true, false, NOW, "s").isComplete())
        .isFalse();
  }

  @Test
  void aCommitmentWithOneBackingMissingIsRefusedAndNothingIsRecorded() {
    UUID sponsor = UUID.randomUUID();
    for (ExecutiveCommitment partial :
        new ExecutiveCommitment[] {
          new ExecutiveCommitment(sponsor, false, true, true, NOW, "s"),
          new ExecutiveCommitment(sponsor, true, false, true, NOW, "s"),
          new ExecutiveCommitment(sponsor, true, true, false, NOW, "s"),
          new ExecutiveCommitment(null, true, true, true, NOW, "s")
        }) {
      Enrollment enrollment = TestData.interested();

      assertThatIllegalArgumentException().isThrownBy(() -> enrollment.confirmCommitment(partial));
      assertThat(enrollment.getCommitment()).isNull();
      assertThatThrownBy(enrollment::requireAdmissible)
          .isInstanceOfSatisfying(
              RuleViolationException.class,
              e -> assertThat(e.code()).isEqualTo("executive-commitment-missing"));
    }
  }

  @Test
  void aFullCommitmentIsKeptAndMakesTheEnrolmentAdmissible() {
    Enrollment enrollment = TestData.interested();
    ExecutiveCommitment commitment = TestData.fullCommitment();

    enrollment.confirmCommitment(commitment);
    enrollment.requireAdmissible();

    assertThat(enrollment.getCommitment()).isEqualTo(commitment);
  }

  @Test
  void onlyAnInterestedEnrolmentIsAdmissibleOrTakesACommitment() {
    Enrollment enrollment = TestData.committed();
    enrollment.enrol(TestData.nhsService(), TestData.widerPhase(37), "staff", NOW);

    assertThatThrownBy(enrollment::requireAdmissible)
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> assertThat(e.code()).isEqualTo("illegal-transition"));
    assertThatThrownBy(() -> enrollment.confirmCommitment(TestData.fullCommitment()))
        .isInstanceOfSatisfying(
            RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("status"));
  }
}
