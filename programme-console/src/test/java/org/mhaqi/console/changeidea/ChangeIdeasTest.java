package org.mhaqi.console.changeidea;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.console.api.FieldError;

class ChangeIdeasTest {

  @Test
  void anIdeaNeedsItsWordsItsCoProductionAndAMeasure() {
    assertThat(ChangeIdeas.idea(Map.of("title", " "), List.of()).errors())
        .extracting(FieldError::field)
        .containsExactly("title", "description", "co-produced", "measures");
    ChangeIdeas.Checked checked =
        ChangeIdeas.idea(
            Map.of("title", "Safety huddles", "description", "Daily huddle", "co-produced", "yes"),
            List.of("ASSAULTS_ON_STAFF", "DETENTIONS"));
    assertThat(checked.body())
        .containsEntry("title", "Safety huddles")
        .containsEntry("coProduced", true)
        .containsEntry("measureCodes", List.of("ASSAULTS_ON_STAFF", "DETENTIONS"));
    assertThat(ChangeIdeas.ideaField("measureCodes[0]").id()).isEqualTo("measures");
    assertThat(ChangeIdeas.ideaField("coProduced").id()).isEqualTo("co-produced");
  }

  @Test
  void aCycleNeedsAPlanAndARealDay() {
    assertThat(ChangeIdeas.cycle(Map.of("plan", "Try it", "started-on", "tomorrow")).errors())
        .containsExactly(
            new FieldError(
                "started-on",
                null,
                "Enter the day the cycle starts as a date written like 2026-12-07 (not 'tomorrow')"));
    assertThat(ChangeIdeas.cycle(Map.of("plan", "Try it", "started-on", "2026-12-01")).body())
        .containsEntry("plan", "Try it")
        .containsEntry("startedOn", "2026-12-01");
    assertThat(ChangeIdeas.cycleField("startedOn").id()).isEqualTo("started-on");
  }

  @Test
  void anOutcomeNeedsDoStudyAndAKnownDecision() {
    assertThat(
            ChangeIdeas.outcome(Map.of("done", "Did", "study", "Fewer", "act", "SHRUG")).errors())
        .extracting(FieldError::field)
        .containsExactly("act", "completed-on");
    assertThat(
            ChangeIdeas.outcome(
                    Map.of(
                        "done",
                        "Did",
                        "study",
                        "Fewer",
                        "act",
                        "ADAPT",
                        "completed-on",
                        "2026-12-05"))
                .body())
        .containsEntry("act", "ADAPT")
        .containsEntry("completedOn", "2026-12-05");
    assertThat(ChangeIdeas.outcomeField("completedOn").id()).isEqualTo("completed-on");
  }

  @Test
  void anIdeaSaysItsRunningCycleAndWhetherAnotherMayStart() {
    ChangeIdeas.Cycle done =
        new ChangeIdeas.Cycle(
            1,
            "Plan",
            LocalDate.of(2026, 11, 2),
            "Did",
            "Saw",
            "ADAPT",
            LocalDate.of(2026, 11, 20));
    ChangeIdeas.Cycle running =
        new ChangeIdeas.Cycle(2, "Plan 2", LocalDate.of(2026, 11, 23), null, null, null, null);
    ChangeIdeas.Idea testing =
        new ChangeIdeas.Idea(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "T",
            "D",
            true,
            List.of(),
            "TESTING",
            List.of(done, running));
    ChangeIdeas.Idea adapted =
        new ChangeIdeas.Idea(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "T",
            "D",
            true,
            List.of(),
            "TESTING",
            List.of(done));
    ChangeIdeas.Idea adopted =
        new ChangeIdeas.Idea(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "T",
            "D",
            true,
            List.of(),
            "ADOPTED",
            List.of(done));

    assertThat(testing.running()).isEqualTo(running);
    assertThat(testing.canStartCycle()).isFalse();
    assertThat(adapted.canStartCycle()).isTrue();
    assertThat(adopted.canStartCycle()).isFalse();
    assertThat(done.decision()).startsWith("Adapt");
    assertThat(running.decision()).isEqualTo("Not decided yet");
    assertThat(running.completed()).isEqualTo("Running");
    assertThat(done.started()).isEqualTo("2 November 2026");
    assertThat(adopted.statusWords()).isEqualTo("Adopted");
    assertThat(adopted.tagColour()).isEqualTo("nhsuk-tag--green");
    assertThat(ChangeIdeas.status("PROPOSED")).isEqualTo("Proposed: no cycle yet");
  }
}
