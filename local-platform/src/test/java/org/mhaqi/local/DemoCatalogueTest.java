package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mhaqi.local.DemoCatalogue.Organisation;
import org.mhaqi.local.DemoCatalogue.Plan;

class DemoCatalogueTest {

  @Test
  void coversAllSevenRegionsWithUniqueOdsCodes() {
    assertThat(DemoCatalogue.ORGANISATIONS.stream().map(Organisation::region).distinct())
        .containsExactlyInAnyOrder(
            "NORTH_EAST_AND_YORKSHIRE",
            "NORTH_WEST",
            "MIDLANDS",
            "EAST_OF_ENGLAND",
            "LONDON",
            "SOUTH_EAST",
            "SOUTH_WEST");
    assertThat(DemoCatalogue.ORGANISATIONS.stream().map(Organisation::odsCode))
        .doesNotHaveDuplicates()
        .allMatch(code -> code.matches("[A-Z0-9]{3,5}"));
    assertThat(DemoCatalogue.ORGANISATIONS.stream().filter(o -> !o.independentSector()))
        .hasSize(26)
        .allMatch(o -> o.odsCode().length() == 3);
    assertThat(DemoCatalogue.ORGANISATIONS.stream().filter(Organisation::independentSector))
        .hasSize(2);
    assertThat(DemoCatalogue.ORGANISATIONS)
        .allSatisfy(o -> assertThat(o.wards()).extracting(w -> w.name()).doesNotHaveDuplicates());
  }

  @Test
  void planOverSubscribesBothPhases() {
    Map<Plan, Long> nhs =
        DemoCatalogue.ORGANISATIONS.stream()
            .filter(o -> !o.independentSector())
            .flatMap(o -> o.wards().stream())
            .collect(Collectors.groupingBy(w -> w.plan(), Collectors.counting()));
    assertThat(nhs)
        .containsEntry(Plan.PILOT_COMMITTED, 10L)
        .containsEntry(Plan.PILOT_INTEREST_ONLY, 2L)
        .containsEntry(Plan.WIDER, 40L)
        .containsEntry(Plan.WIDER_INTEREST_ONLY, 1L);
    // 10 committed > 8 pilot places; 4 carried over + 40 committed > 37 wider places.
    assertThat(nhs.get(Plan.PILOT_COMMITTED)).isGreaterThan(DemoData.PILOT_CAPACITY);
    assertThat(2 + 2 + nhs.get(Plan.WIDER)).isGreaterThan(DemoData.WIDER_CAPACITY);
  }
}
