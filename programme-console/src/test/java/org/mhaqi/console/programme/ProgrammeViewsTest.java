package org.mhaqi.console.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.console.programme.ProgrammeViews.Occupancy;
import org.mhaqi.console.programme.ProgrammeViews.Phase;
import org.mhaqi.console.programme.ProgrammeViews.PhaseRow;
import org.mhaqi.console.programme.ProgrammeViews.Step;
import org.mhaqi.console.programme.ProgrammeViews.StepRow;

class ProgrammeViewsTest {

  private static final UUID PHASE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  private static final Phase WIDER =
      new Phase(
          PHASE,
          null,
          "WIDER_IMPLEMENTATION",
          "Wave 2",
          LocalDate.of(2026, 4, 1),
          LocalDate.of(2027, 3, 31),
          10,
          null,
          null);

  @Test
  void aPhaseRowSaysPlacesTakenOfCapacityAndPlacesLeftWithWhoWaits() {
    PhaseRow row =
        ProgrammeViews.row(
            WIDER,
            new Occupancy(
                PHASE,
                "WIDER_IMPLEMENTATION",
                "Wave 2",
                10,
                7,
                Map.of("ENROLLED", 2L, "COMPLETED", 1L, "INTERESTED", 4L, "WAITLISTED", 0L)),
            null);

    assertThat(row.kind()).isEqualTo("Wider implementation");
    assertThat(row.dates()).isEqualTo("1 April 2026 to 31 March 2027");
    assertThat(row.taken()).isEqualTo("3 of 10");
    assertThat(row.left()).isEqualTo("7 places");
    assertThat(row.interested()).isEqualTo(4);
    assertThat(row.waitlisted()).isZero();
    assertThat(row.unavailable()).isNull();
  }

  @Test
  void aFullPhaseSaysSoAndOneWithoutCountsSaysWhy() {
    assertThat(ProgrammeViews.places(0)).isEqualTo("None: the phase is full");
    assertThat(ProgrammeViews.places(1)).isEqualTo("1 place");

    PhaseRow unknown = ProgrammeViews.row(WIDER, null, "The places could not be read.");
    assertThat(unknown.taken()).isEqualTo("Not known");
    assertThat(unknown.left()).isEqualTo("Not known");
    assertThat(unknown.unavailable()).isEqualTo("The places could not be read.");
  }

  @Test
  void theHistorySaysEachStepInWordsWithItsLondonTime() {
    List<StepRow> rows =
        ProgrammeViews.history(
            List.of(
                new Step(
                    1, null, "INTERESTED", Instant.parse("2026-03-01T10:00:00Z"), "trust", null),
                new Step(
                    2,
                    "INTERESTED",
                    "WAITLISTED",
                    Instant.parse("2026-07-01T10:00:00Z"),
                    "admin",
                    "Phase at capacity; waitlist position 1"),
                new Step(
                    3,
                    "WAITLISTED",
                    "ENROLLED",
                    Instant.parse("2026-07-02T09:30:00Z"),
                    "admin",
                    null)));

    assertThat(rows)
        .containsExactly(
            new StepRow("1 March 2026, 10:00", "Interest expressed", "trust", ""),
            new StepRow(
                "1 July 2026, 11:00",
                "Put on the waitlist",
                "admin",
                "Phase at capacity; waitlist position 1"),
            new StepRow("2 July 2026, 10:30", "Promoted from the waitlist", "admin", ""));
  }

  @Test
  void eachStepSaysWhatItDid() {
    assertThat(ProgrammeViews.step("INTERESTED", "ENROLLED")).isEqualTo("Enrolled");
    assertThat(ProgrammeViews.step("ENROLLED", "WITHDRAWN")).isEqualTo("Withdrawn");
    assertThat(ProgrammeViews.step("WAITLISTED", "WITHDRAWN")).isEqualTo("Withdrawn");
    assertThat(ProgrammeViews.step("INTERESTED", "DECLINED")).isEqualTo("Declined");
    assertThat(ProgrammeViews.step("ENROLLED", "COMPLETED")).isEqualTo("Completed the phase");
  }

  @Test
  void statusesAreWordsWithTheirTagColours() {
    assertThat(ProgrammeViews.status("WAITLISTED")).isEqualTo("On the waitlist");
    assertThat(ProgrammeViews.status("ENROLLED")).isEqualTo("Enrolled");
    assertThat(ProgrammeViews.tagColour("ENROLLED")).isEqualTo("nhsuk-tag--green");
    assertThat(ProgrammeViews.tagColour("COMPLETED")).isEqualTo("nhsuk-tag--purple");
    assertThat(ProgrammeViews.tagColour("DECLINED")).isEqualTo("nhsuk-tag--grey");
    assertThat(ProgrammeViews.tagColour("INTERESTED")).isEqualTo("nhsuk-tag--blue");
  }

  @Test
  void aServicesMessageLosesItsStatusConstants() {
    assertThat(ProgrammeViews.inWords("An enrolment that is ENROLLED cannot become DECLINED"))
        .isEqualTo("An enrolment that is enrolled cannot become declined");
  }
}
