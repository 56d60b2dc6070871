package org.mhaqi.enrollment.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdmissionTest {

  @Test
  void enrolsWhileThePhaseHasAPlace() {
    assertThat(Admission.decide(37, 0, 0)).isInstanceOf(Admission.Enrol.class);
    assertThat(Admission.decide(37, 36, 0)).isInstanceOf(Admission.Enrol.class);
  }

  @Test
  void waitlistsOnceThePhaseIsFullBehindThoseWhoAppliedEarlier() {
    assertThat(Admission.decide(37, 37, 0)).isEqualTo(new Admission.Waitlist(1));
    assertThat(Admission.decide(37, 37, 22)).isEqualTo(new Admission.Waitlist(23));
  }

  @Test
  void neverEnrolsBeyondCapacityEvenIfOverfilledBefore() {
    assertThat(Admission.decide(37, 40, 0)).isInstanceOf(Admission.Waitlist.class);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> Admission.decide(0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Admission.decide(1, -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
