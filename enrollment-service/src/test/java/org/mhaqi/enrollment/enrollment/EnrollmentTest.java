package org.mhaqi.enrollment.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mhaqi.enrollment.enrollment.TestData.NOW;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhaqi.enrollment.organisation.ServiceProfile;
import org.mhaqi.enrollment.programme.Phase;
import org.mhaqi.events.enrollment.DeclineReason;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.events.enrollment.EnrollmentDeclined;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.ExpressionOfInterestReceived;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceWaitlisted;
import org.mhaqi.events.enrollment.WithdrawalReason;
import org.mhaqi.support.web.RuleViolationException;

class EnrollmentTest {

  private static List<Object> events(Enrollment enrollment) {
    return enrollment.registeredEvents();
  }

  @Test
  void interestFromAnNhsProviderIsRecordedAndAnnounced() {
    ServiceProfile service = TestData.nhsService();
    Phase phase = TestData.widerPhase(37);

    Enrollment enrollment = Enrollment.expressInterest(service, phase, null, NOW, "staff", NOW);

    assertThat(enrollment.getStatus()).isEqualTo(EnrollmentStatus.INTERESTED);
    assertThat(enrollment.getHistory())
        .singleElement()
        .satisfies(
            step -> {
              assertThat(step.getFromStatus()).isNull();
              assertThat(step.getToStatus()).isEqualTo(EnrollmentStatus.INTERESTED);
              assertThat(step.getActor()).isEqualTo("staff");
              assertThat(step.getOccurredAt()).isEqualTo(NOW);
            });
    assertThat(events(enrollment))
        .singleElement()
        .isInstanceOfSatisfying(
            ExpressionOfInterestReceived.class,
            e -> {
              assertThat(e.enrollmentId()).isEqualTo(enrollment.getId());
              assertThat(e.odsCode()).isEqualTo("RX4");
              assertThat(e.phaseKind()).isEqualTo(phase.getKind());
              assertThat(e.subject()).isEqualTo(enrollment.getId().toString());
            });
  }

  @Test
  void anIndependentSectorProviderIsDeclinedWithTheReasonAndJoinsTheLearningNetwork() {
    Enrollment enrollment =
        Enrollment.expressInterest(
            TestData.service(ProviderType.INDEPENDENT_SECTOR_PROVIDER),
            TestData.widerPhase(37),
            null,
            NOW,
            "staff",
            NOW);

    assertThat(enrollment.getStatus()).isEqualTo(EnrollmentStatus.DECLINED);
    assertThat(enrollment.isLearningNetwork()).isTrue();
    assertThat(enrollment.getDeclineReason()).isEqualTo(DeclineReason.PROVIDER_NOT_ELIGIBLE);
    assertThat(enrollment.getHistory().get(1).getReason()).contains("Only NHS providers");
    assertThat(events(enrollment))
        .hasSize(2)
        .last()
        .isInstanceOfSatisfying(
            EnrollmentDeclined.class,
            e -> {
              assertThat(e.reasonCode()).isEqualTo(DeclineReason.PROVIDER_NOT_ELIGIBLE);
              assertThat(e.learningNetwork()).isTrue();
            });
  }

  @Test
  void nhsTrustsOfBothKindsAreEligible() {
    for (ProviderType type : List.of(ProviderType.NHS_TRUST, ProviderType.NHS_FOUNDATION_TRUST)) {
      Enrollment enrollment =
          Enrollment.expressInterest(
              TestData.service(type), TestData.widerPhase(37), null, NOW, "staff", NOW);
      assertThat(enrollment.getStatus()).isEqualTo(EnrollmentStatus.INTERESTED);
    }
  }

  @Test
  void enrolmentNeedsTheExecutiveCommitment() {
    Enrollment enrollment = TestData.interested();

    assertThatThrownBy(
            () -> enrollment.enrol(TestData.nhsService(), TestData.widerPhase(37), "staff", NOW))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> assertThat(e.field()).isEqualTo("executiveCommitment"));
    assertThatThrownBy(() -> enrollment.waitlist(1, "staff", NOW))
        .isInstanceOf(RuleViolationException.class);
    assertThat(enrollment.getStatus()).isEqualTo(EnrollmentStatus.INTERESTED);
  }

  @Test
  void aCommittedServiceIsEnrolledWithItsCoachingWindow() {
    Enrollment enrollment = TestData.committed();
    Phase phase = TestData.widerPhase(37);

    enrollment.enrol(TestData.nhsService(), phase, "staff", NOW);

    assertThat(enrollment.getStatus()).isEqualTo(EnrollmentStatus.ENROLLED);
    assertThat(events(enrollment))
        .last()
        .isInstanceOfSatisfying(
            ServiceEnrolled.class,
            e -> {
              assertThat(e.coachingStartsOn()).isEqualTo(phase.getCoachingStartsOn());
              assertThat(e.coachingEndsOn()).isEqualTo(phase.getCoachingEndsOn());
              assertThat(e.promotedFromWaitlist()).isFalse();
            });
  }

  @Test
  void aWaitlistedServiceIsPromotedWithoutAskingForCommitmentAgain() {
    Enrollment enrollment = TestData.committed();
    enrollment.waitlist(3, "staff", NOW);

    enrollment.enrol(TestData.nhsService(), TestData.widerPhase(37), "staff", NOW);

    assertThat(enrollment.getStatus()).isEqualTo(EnrollmentStatus.ENROLLED);
    assertThat(events(enrollment))
        .filteredOn(ServiceWaitlisted.class::isInstance)
        .singleElement()
        .extracting(e -> ((ServiceWaitlisted) e).waitlistPosition())
        .isEqualTo(3);
    assertThat(events(enrollment))
        .last()
        .isInstanceOfSatisfying(
            ServiceEnrolled.class, e -> assertThat(e.promotedFromWaitlist()).isTrue());
    assertThat(enrollment.getHistory().get(2).getReason()).contains("Promoted from the waitlist");
  }

  @Test
  void withdrawalAndCompletionEndTheLifeCycle() {
    Enrollment withdrawn = TestData.committed();
    withdrawn.enrol(TestData.nhsService(), TestData.widerPhase(37), "staff", NOW);
    withdrawn.withdraw(
        WithdrawalReason.SERVICE_CLOSED_OR_MERGED, "Ward closed for refurbishment", "staff", NOW);

    assertThat(withdrawn.getStatus()).isEqualTo(EnrollmentStatus.WITHDRAWN);
    assertThat(events(withdrawn))
        .last()
        .isInstanceOfSatisfying(
            EnrollmentWithdrawn.class,
            e -> {
              assertThat(e.previousStatus()).isEqualTo("ENROLLED");
              assertThat(e.reasonCode()).isEqualTo(WithdrawalReason.SERVICE_CLOSED_OR_MERGED);
            });
    assertThat(withdrawn.getHistory().get(withdrawn.getHistory().size() - 1).getReason())
        .as("the words stay in enrolment's own history, out of the event")
        .isEqualTo("Ward closed for refurbishment");

    Enrollment completed = TestData.committed();
    completed.enrol(TestData.nhsService(), TestData.widerPhase(37), "staff", NOW);
    completed.complete("staff", NOW);
    assertThat(events(completed)).last().isInstanceOf(EnrollmentCompleted.class);
  }

  @Test
  void illegalTransitionsAreRefusedAndChangeNothing() {
    Enrollment interested = TestData.interested();
    assertIllegal(() -> interested.complete("staff", NOW), interested);
    assertIllegal(
        () -> interested.withdraw(WithdrawalReason.OTHER, "no", "staff", NOW), interested);

    Enrollment declined = TestData.interested();
    declined.decline(DeclineReason.PROGRAMME_DECISION, "Duplicate application", "staff", NOW);
    assertIllegal(() -> declined.confirmCommitment(TestData.fullCommitment()), declined);
    assertIllegal(declined::requireAdmissible, declined);
    assertIllegal(() -> declined.withdraw(WithdrawalReason.OTHER, "no", "staff", NOW), declined);

    Enrollment waitlisted = TestData.committed();
    waitlisted.waitlist(1, "staff", NOW);
    assertIllegal(() -> waitlisted.complete("staff", NOW), waitlisted);
    assertIllegal(waitlisted::requireAdmissible, waitlisted);

    Enrollment completed = TestData.committed();
    completed.enrol(TestData.nhsService(), TestData.widerPhase(37), "staff", NOW);
    completed.complete("staff", NOW);
    assertIllegal(
        () -> completed.withdraw(WithdrawalReason.OTHER, "late", "staff", NOW), completed);
  }

  private static void assertIllegal(Runnable change, Enrollment enrollment) {
    EnrollmentStatus before = enrollment.getStatus();
    int steps = enrollment.getHistory().size();
    int events = events(enrollment).size();
    assertThatThrownBy(change::run)
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> assertThat(e.code()).isEqualTo("illegal-transition"));
    assertThat(enrollment.getStatus()).isEqualTo(before);
    assertThat(enrollment.getHistory()).hasSize(steps);
    assertThat(events(enrollment)).hasSize(events);
  }

  @Test
  void everyStatusHasTheDocumentedSuccessors() {
    assertThat(EnrollmentStatus.INTERESTED.canBecome(EnrollmentStatus.ENROLLED)).isTrue();
    assertThat(EnrollmentStatus.INTERESTED.canBecome(EnrollmentStatus.WITHDRAWN)).isFalse();
    assertThat(EnrollmentStatus.WAITLISTED.canBecome(EnrollmentStatus.ENROLLED)).isTrue();
    assertThat(EnrollmentStatus.WAITLISTED.canBecome(EnrollmentStatus.COMPLETED)).isFalse();
    assertThat(EnrollmentStatus.ENROLLED.canBecome(EnrollmentStatus.COMPLETED)).isTrue();
    for (EnrollmentStatus end :
        List.of(
            EnrollmentStatus.DECLINED, EnrollmentStatus.WITHDRAWN, EnrollmentStatus.COMPLETED)) {
      assertThat(end.isOpen()).isFalse();
      for (EnrollmentStatus any : EnrollmentStatus.values()) {
        assertThat(end.canBecome(any)).isFalse();
      }
    }
  }
}
