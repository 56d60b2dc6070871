package org.mhaqi.enrollment.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The smallest phase there can be: one place. */
class CapacityOfOneTest {

  @Test
  void theFirstServiceTakesTheOnlyPlace() {
    assertThat(Admission.decide(1, 0, 0)).isInstanceOf(Admission.Enrol.class);
  }

  @Test
  void theSecondWaitsFirstInLineAndTheThirdBehindIt() {
    assertThat(Admission.decide(1, 1, 0)).isEqualTo(new Admission.Waitlist(1));
    assertThat(Admission.decide(1, 1, 1)).isEqualTo(new Admission.Waitlist(2));
  }

  @Test
  void aPlaceFreedByAWithdrawalGoesToTheFirstWaitingNotToANewcomer() {
    assertThat(Admission.decide(1, 0, 3)).isEqualTo(new Admission.Waitlist(4));
    assertThat(Admission.promotions(1, 0, 3)).isEqualTo(1);
  }
}
