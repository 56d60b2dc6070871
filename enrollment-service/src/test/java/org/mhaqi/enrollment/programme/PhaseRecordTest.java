package org.mhaqi.enrollment.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.enrollment.PhaseKind;

/** A phase and a programme keep what they were opened with. */
class PhaseRecordTest {

  @Test
  void aPhaseKeepsItsDatesCapacityAndCoachingWindow() {
    UUID id = UUID.randomUUID();
    UUID programme = UUID.randomUUID();

    Phase phase =
        new Phase(
            id,
            programme,
            PhaseKind.PILOT,
            "Pilot",
            LocalDate.of(2023, 10, 1),
            LocalDate.of(2024, 3, 31),
            1,
            LocalDate.of(2023, 11, 1),
            LocalDate.of(2024, 3, 31));

    assertThat(phase.getId()).isEqualTo(id);
    assertThat(phase.getProgrammeId()).isEqualTo(programme);
    assertThat(phase.getKind()).isEqualTo(PhaseKind.PILOT);
    assertThat(phase.getName()).isEqualTo("Pilot");
    assertThat(phase.getStartsOn()).isEqualTo(LocalDate.of(2023, 10, 1));
    assertThat(phase.getEndsOn()).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(phase.getCapacity()).isEqualTo(1);
    assertThat(phase.getCoachingStartsOn()).isEqualTo(LocalDate.of(2023, 11, 1));
    assertThat(phase.getCoachingEndsOn()).isEqualTo(LocalDate.of(2024, 3, 31));
  }

  @Test
  void aProgrammeKeepsItsNameAndCreationTime() {
    UUID id = UUID.randomUUID();
    Instant created = Instant.parse("2023-06-01T09:00:00Z");

    Programme programme = new Programme(id, "MHA QI", created);

    assertThat(programme.getId()).isEqualTo(id);
    assertThat(programme.getName()).isEqualTo("MHA QI");
    assertThat(programme.getCreatedAt()).isEqualTo(created);
  }
}
