package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mhaqi.local.DemoTimeline.Phase;

class DemoTimelineTest {

  @Test
  void phasesFollowTheDayTheDemoIsLoadedWithTheFaqsShape() {
    // Friday 27 November 2026: the pilot starts Monday 30 November and runs 25 weeks to Friday
    // 21 May 2027, coached from Monday 21 December; the wider phase starts Monday 24 May 2027, runs
    // 39 weeks to Friday 18 February 2028, coached from Monday 26 July 2027.
    DemoTimeline t = DemoTimeline.startingAfter(LocalDate.of(2026, 11, 27));

    assertThat(t.pilot())
        .isEqualTo(
            new Phase(
                LocalDate.of(2026, 11, 30),
                LocalDate.of(2027, 5, 21),
                LocalDate.of(2026, 12, 21),
                LocalDate.of(2027, 5, 21)));
    assertThat(t.wider())
        .isEqualTo(
            new Phase(
                LocalDate.of(2027, 5, 24),
                LocalDate.of(2028, 2, 18),
                LocalDate.of(2027, 7, 26),
                LocalDate.of(2028, 2, 18)));
  }

  @Test
  void aDemoLoadedOnAMondayStartsTheFollowingMonday() {
    // Never the day of loading itself: an enrolment made that day would be coached from the next
    // working day only.
    DemoTimeline t = DemoTimeline.startingAfter(LocalDate.of(2026, 11, 30));

    assertThat(t.pilot().startsOn()).isEqualTo(LocalDate.of(2026, 12, 7));
  }
}
