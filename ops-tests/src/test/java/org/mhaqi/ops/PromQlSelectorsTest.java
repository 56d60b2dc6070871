package org.mhaqi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlSelectorsTest {

  @Test
  void findsTheSeriesOfAComparison() {
    assertThat(PromQlSelectors.of("up{job=~\".+-service\"} == 0"))
        .containsExactly("up{job=~\".+-service\"}");
  }

  @Test
  void leavesOutFunctionsClausesDurationsAndKeywords() {
    assertThat(
            PromQlSelectors.of(
                """
                sum by (application, group, topic) (spring_cloud_stream_binder_kafka_offset) > 0
                and
                sum by (application) (deriv(spring_cloud_stream_binder_kafka_offset[5m])) > 0
                """))
        .containsExactly("spring_cloud_stream_binder_kafka_offset");
  }

  @Test
  void keepsEachSelectorWithItsMatchers() {
    assertThat(
            PromQlSelectors.of(
                "sum by (application) (rate(http_server_requests_seconds_count{outcome=\"SERVER_ERROR\"}[5m]))"
                    + " / sum by (application) (rate(http_server_requests_seconds_count[5m])) > 0.05"))
        .containsExactly(
            "http_server_requests_seconds_count{outcome=\"SERVER_ERROR\"}",
            "http_server_requests_seconds_count");
  }

  @Test
  void aSelectorOfAValueBecomesOneOfItsLabelBeingThere() {
    assertThat(
            PromQlSelectors.withLabelsPresent(
                "http_server_requests_seconds_count{outcome=\"SERVER_ERROR\",uri!=\"/x\"}"))
        .isEqualTo("http_server_requests_seconds_count{outcome=~\".+\",uri=~\".+\"}");
    assertThat(PromQlSelectors.withLabelsPresent("up")).isEqualTo("up");
  }
}
