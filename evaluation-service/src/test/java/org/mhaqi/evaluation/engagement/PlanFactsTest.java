package org.mhaqi.evaluation.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.coaching.CoachingPlanCreated;
import org.mhaqi.events.enrollment.PhaseKind;

class PlanFactsTest {

  static final UUID PLAN = UUID.randomUUID();
  static final Instant T0 = Instant.parse("2024-08-01T09:00:00Z");

  static PlanFacts plan(int sessions, int unstaffed, Instant createdAt) {
    return PlanFacts.of(
        new CoachingPlanCreated(
            PLAN,
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            PhaseKind.PILOT,
            LocalDate.of(2024, 9, 1),
            LocalDate.of(2025, 3, 31),
            sessions,
            unstaffed,
            createdAt));
  }

  @Test
  void theLaterAnnouncementOfAPlanStandsInEitherOrder() {
    PlanFacts first = plan(38, 2, T0);
    PlanFacts later = plan(38, 0, T0.plusSeconds(1));

    assertThat(first.merge(later)).isEqualTo(later);
    assertThat(later.merge(first)).isEqualTo(later);
    assertThat(later.merge(later)).isEqualTo(later);
  }

  @Test
  void announcementsAtTheSameInstantAreSettledByTheirCounts() {
    PlanFacts fewer = plan(37, 0, T0);
    PlanFacts more = plan(38, 0, T0);
    PlanFacts moreUnstaffed = plan(37, 1, T0);

    assertThat(fewer.merge(more)).isEqualTo(more);
    assertThat(more.merge(fewer)).isEqualTo(more);
    assertThat(fewer.merge(moreUnstaffed)).isEqualTo(moreUnstaffed);
    assertThat(moreUnstaffed.merge(fewer)).isEqualTo(moreUnstaffed);
  }

  @Test
  void anotherPlanDoesNotMerge() {
    PlanFacts other =
        new PlanFacts(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            PhaseKind.PILOT,
            LocalDate.of(2024, 9, 1),
            LocalDate.of(2025, 3, 31),
            1,
            0,
            T0);

    assertThatThrownBy(() -> plan(1, 0, T0).merge(other))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void announcementsEqualButForTheirWindowAreSettledTheSameWayInEitherOrder() {
    PlanFacts a = plan(38, 0, T0);
    PlanFacts b =
        new PlanFacts(
            a.planId(),
            a.enrollmentId(),
            a.serviceId(),
            a.phaseId(),
            a.phaseKind(),
            a.windowStartsOn(),
            a.windowEndsOn().plusDays(1),
            38,
            0,
            T0);

    assertThat(a.merge(b)).isEqualTo(b.merge(a));
  }

  @Test
  void countsMustBeConsistent() {
    assertThatThrownBy(() -> plan(-1, 0, T0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> plan(3, -1, T0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> plan(3, 4, T0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(plan(3, 3, T0).unstaffedSessions()).isEqualTo(3);
    assertThat(plan(0, 0, T0).sessions()).isZero();
    assertThatThrownBy(() -> plan(3, 0, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
