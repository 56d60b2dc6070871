package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.Api;
import tools.jackson.databind.JsonNode;

/** The measure catalogue as Flyway seeds it, over HTTP. */
class MeasureApiIT extends EvaluationIntegrationTest {

  @Test
  void theCatalogueHoldsOutcomeProcessAndBalancingMeasures() {
    JsonNode measures = get("/api/measures").body();

    List<String> codes =
        StreamSupport.stream(measures.spliterator(), false)
            .map(m -> m.path("code").asString())
            .toList();
    assertThat(codes)
        .containsExactlyInAnyOrder(
            "RESTRICTIVE_INTERVENTIONS",
            "DETENTIONS",
            "CARE_PLANS_CO_PRODUCED",
            "LENGTH_OF_STAY",
            "ASSAULTS_ON_STAFF",
            "BED_OCCUPANCY");
    assertThat(
            StreamSupport.stream(measures.spliterator(), false).map(m -> m.path("type").asString()))
        .contains("OUTCOME", "PROCESS", "BALANCING");
  }

  @Test
  void aStratifiedMeasureListsTheEthnicCategoriesWithTheirGroups() {
    JsonNode m = get("/api/measures/RESTRICTIVE_INTERVENTIONS").body();

    assertThat(m.path("unit").asString()).isEqualTo("RATE_PER_1000_OCCUPIED_BED_DAYS");
    assertThat(m.path("improvement").asString()).isEqualTo("DECREASE");
    assertThat(m.path("stratification").asString()).isEqualTo("ETHNIC_CATEGORY");
    assertThat(m.path("strata")).hasSize(18);
    assertThat(m.path("strata").get(12).path("code").asString()).isEqualTo("N");
    assertThat(m.path("strata").get(12).path("group").asString())
        .isEqualTo("BLACK_OR_BLACK_BRITISH");
    assertThat(
            get("/api/measures/ASSAULTS_ON_STAFF")
                .body()
                .path("strata")
                .get(0)
                .path("code")
                .asString())
        .isEqualTo("ALL");
  }

  @Test
  void anUnknownMeasureIsNotFound() {
    Api.Response answer = get("/api/measures/NOT_A_MEASURE");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
  }
}
