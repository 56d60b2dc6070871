package org.mhaqi.evaluation.measuretarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TargetsTest {

  static final String RESTRAINT = "RESTRICTIVE_INTERVENTIONS";
  static final UUID PHASE = UUID.randomUUID();
  static final UUID OTHER_PHASE = UUID.randomUUID();
  static final UUID SERVICE = UUID.randomUUID();
  static final UUID OTHER_SERVICE = UUID.randomUUID();
  static final Instant SET_AT = Instant.parse("2026-11-16T10:00:00Z");

  static MeasureTarget target(
      UUID targetId, String measure, UUID phase, UUID service, int version, double value) {
    return new MeasureTarget(
        UUID.randomUUID(), targetId, measure, phase, service, version, value, "admin", SET_AT);
  }

  final UUID measureWide = UUID.randomUUID();
  final UUID ofPhase = UUID.randomUUID();
  final UUID ofService = UUID.randomUUID();

  final Targets targets =
      new Targets(
          List.of(
              target(measureWide, RESTRAINT, null, null, 1, 10),
              target(ofPhase, RESTRAINT, PHASE, null, 1, 8),
              target(ofService, RESTRAINT, null, SERVICE, 1, 5),
              target(UUID.randomUUID(), "DETENTIONS", null, null, 1, 30)));

  @Test
  void aServicesTargetComesBeforeItsPhasesAndThePhasesBeforeTheMeasures() {
    assertThat(targets.applying(RESTRAINT, PHASE, SERVICE)).hasValue(5);
    assertThat(targets.applying(RESTRAINT, PHASE, OTHER_SERVICE)).hasValue(8);
    assertThat(targets.applying(RESTRAINT, PHASE, null)).hasValue(8);
    assertThat(targets.applying(RESTRAINT, OTHER_PHASE, null)).hasValue(10);
    assertThat(targets.applying(RESTRAINT, null, null)).hasValue(10);
    assertThat(targets.applying(RESTRAINT, OTHER_PHASE, SERVICE)).hasValue(5);
    assertThat(targets.applying("DETENTIONS", PHASE, SERVICE)).hasValue(30);
  }

  @Test
  void aMeasureWithoutATargetHasNone() {
    assertThat(targets.applying("LENGTH_OF_STAY", PHASE, SERVICE)).isEmpty();
    assertThat(Targets.NONE.applying(RESTRAINT, null, null)).isEmpty();
    // Only a phase's or a service's own: none for the measure everywhere.
    Targets narrow = new Targets(List.of(target(ofPhase, RESTRAINT, PHASE, null, 1, 8)));
    assertThat(narrow.applying(RESTRAINT, OTHER_PHASE, SERVICE)).isEmpty();
    assertThat(narrow.applying(RESTRAINT, null, null)).isEmpty();
  }

  @Test
  void theLatestVersionOfEachScopeIsCurrent() {
    Targets latest =
        Targets.latestOf(
            List.of(
                target(measureWide, RESTRAINT, null, null, 2, 9),
                target(measureWide, RESTRAINT, null, null, 3, 7),
                target(measureWide, RESTRAINT, null, null, 1, 10),
                target(ofPhase, RESTRAINT, PHASE, null, 1, 8)));
    assertThat(latest.current())
        .extracting(MeasureTarget::version, MeasureTarget::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, 7.0),
            org.assertj.core.groups.Tuple.tuple(1, 8.0));
    assertThat(latest.applying(RESTRAINT, null, null)).hasValue(7);
  }
}
