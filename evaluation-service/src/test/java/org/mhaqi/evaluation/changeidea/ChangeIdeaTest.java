package org.mhaqi.evaluation.changeidea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.changeidea.ChangeIdea.Act;
import org.mhaqi.evaluation.changeidea.ChangeIdea.Cycle;
import org.mhaqi.evaluation.changeidea.ChangeIdea.Status;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.http.HttpStatus;

class ChangeIdeaTest {

  static final LocalDate MONDAY = LocalDate.of(2024, 10, 7);

  static ChangeIdea idea() {
    return new ChangeIdea(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        "Safety huddle at handover",
        "Ten minutes at each shift handover to name patients at risk of restraint",
        true,
        List.of("RESTRICTIVE_INTERVENTIONS"),
        Instant.parse("2024-10-01T09:00:00Z"),
        List.of());
  }

  @Test
  void anIdeaKeepsWhatTheTeamRecorded() {
    UUID id = UUID.randomUUID();
    UUID enrollmentId = UUID.randomUUID();
    UUID serviceId = UUID.randomUUID();
    Instant at = Instant.parse("2024-10-01T09:00:00Z");

    ChangeIdea idea =
        new ChangeIdea(
            id,
            enrollmentId,
            serviceId,
            "Title",
            "Description",
            true,
            List.of("M1", "M2"),
            at,
            List.of());

    assertThat(idea.id()).isEqualTo(id);
    assertThat(idea.enrollmentId()).isEqualTo(enrollmentId);
    assertThat(idea.serviceId()).isEqualTo(serviceId);
    assertThat(idea.title()).isEqualTo("Title");
    assertThat(idea.description()).isEqualTo("Description");
    assertThat(idea.coProduced()).isTrue();
    assertThat(idea.measureCodes()).containsExactly("M1", "M2");
    assertThat(idea.recordedAt()).isEqualTo(at);
    assertThat(idea.cycles()).isEmpty();
    assertThat(
            new ChangeIdea(
                    id, enrollmentId, serviceId, "T", "D", false, List.of("M1"), at, List.of())
                .coProduced())
        .isFalse();
  }

  @Test
  void anIdeaWithoutCyclesIsProposedAndARunningCycleMakesItTesting() {
    ChangeIdea idea = idea();
    assertThat(idea.status()).isEqualTo(Status.PROPOSED);

    Cycle first = idea.startCycle("Try it on the night shift for two weeks", MONDAY);

    assertThat(first)
        .isEqualTo(
            new Cycle(
                1, "Try it on the night shift for two weeks", MONDAY, null, null, null, null));
    assertThat(first.running()).isTrue();
    assertThat(idea.status()).isEqualTo(Status.TESTING);
  }

  @Test
  void theDecisionOfTheLastCycleGivesTheStatus() {
    assertThat(afterOneCycle(Act.ADOPT).status()).isEqualTo(Status.ADOPTED);
    assertThat(afterOneCycle(Act.ADAPT).status()).isEqualTo(Status.TESTING);
    assertThat(afterOneCycle(Act.ABANDON).status()).isEqualTo(Status.ABANDONED);
  }

  @Test
  void anAdaptedIdeaRunsAnotherCycleNumberedNext() {
    ChangeIdea idea = afterOneCycle(Act.ADAPT);

    Cycle second =
        idea.startCycle("Add the lived-experience partner to the huddle", MONDAY.plusDays(14));

    assertThat(second.number()).isEqualTo(2);
    assertThat(idea.cycles()).hasSize(2);
  }

  @Test
  void aCycleMayStartOnTheDayThePreviousEndedButNotBefore() {
    ChangeIdea idea = afterOneCycle(Act.ADOPT);

    assertThatThrownBy(() -> idea.startCycle("Scale up", MONDAY.plusDays(13)))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
              assertThat(e.field()).isEqualTo("startedOn");
            });
    assertThat(idea.startCycle("Scale up to the day shift", MONDAY.plusDays(14)).number())
        .isEqualTo(2);
  }

  @Test
  void noCycleStartsWhileOneRuns() {
    ChangeIdea idea = idea();
    idea.startCycle("First", MONDAY);

    assertThatThrownBy(() -> idea.startCycle("Second", MONDAY.plusDays(1)))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
              assertThat(e.code()).isEqualTo("cycle-running");
            });
  }

  @Test
  void anAbandonedIdeaRunsNoMoreCycles() {
    ChangeIdea idea = afterOneCycle(Act.ABANDON);

    assertThatThrownBy(() -> idea.startCycle("Again", MONDAY.plusDays(30)))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> assertThat(e.code()).isEqualTo("change-idea-abandoned"));
  }

  @Test
  void aCycleCompletesOnceOnOrAfterItsStart() {
    ChangeIdea idea = idea();
    idea.startCycle("First", MONDAY);

    assertThatThrownBy(() -> idea.completeCycle(1, "did", "learnt", Act.ADOPT, MONDAY.minusDays(1)))
        .isInstanceOfSatisfying(
            RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("completedOn"));
    Cycle done = idea.completeCycle(1, "did", "learnt", Act.ADOPT, MONDAY);
    assertThat(done).isEqualTo(new Cycle(1, "First", MONDAY, "did", "learnt", Act.ADOPT, MONDAY));
    assertThat(done.running()).isFalse();
    assertThatThrownBy(() -> idea.completeCycle(1, "did", "learnt", Act.ADAPT, MONDAY))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
              assertThat(e.code()).isEqualTo("cycle-completed");
            });
  }

  @Test
  void anUnknownCycleNumberIsNotFound() {
    ChangeIdea idea = idea();
    idea.startCycle("First", MONDAY);

    assertThatThrownBy(() -> idea.completeCycle(0, "d", "s", Act.ADOPT, MONDAY))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> idea.completeCycle(2, "d", "s", Act.ADOPT, MONDAY))
        .isInstanceOf(NotFoundException.class);
  }

  private static ChangeIdea afterOneCycle(Act act) {
    ChangeIdea idea = idea();
    idea.startCycle("Try it on the night shift for two weeks", MONDAY);
    idea.completeCycle(
        1, "Ran on 12 nights", "Fewer restraints on huddle nights", act, MONDAY.plusDays(14));
    return idea;
  }
}
