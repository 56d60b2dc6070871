package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataTest {

  @Test
  void loadsTheDemoProgrammeAndFillsBothPhases() throws Exception {
    try (FakeEnrollmentApi api = new FakeEnrollmentApi()) {
      DemoData loader = new DemoData(api.uri());
      assertThat(loader.alreadyLoaded()).isFalse();

      loader.load();

      assertThat(statusCounts(api, "PILOT"))
          .containsEntry("ENROLLED", 8L)
          .containsEntry("WAITLISTED", 2L)
          .containsEntry("INTERESTED", 2L)
          .containsEntry("DECLINED", 1L);
      assertThat(statusCounts(api, "WIDER_IMPLEMENTATION"))
          .containsEntry("ENROLLED", 37L)
          .containsEntry("WAITLISTED", 7L)
          .containsEntry("INTERESTED", 1L)
          .containsEntry("DECLINED", 1L);
      assertThat(loader.alreadyLoaded()).isTrue();
    }
  }

  @Test
  void anUnexpectedAnswerStopsTheLoadWithTheProblemBody() throws Exception {
    try (FakeEnrollmentApi api = new FakeEnrollmentApi()) {
      api.failOn = "/api/organisations";
      DemoData loader = new DemoData(api.uri());

      assertThatThrownBy(loader::load)
          .isInstanceOf(DemoData.UnexpectedAnswer.class)
          .hasMessageContaining("POST /api/organisations answered 400")
          .hasMessageContaining("rejected by the test");
    }
  }

  private static Map<String, Long> statusCounts(FakeEnrollmentApi api, String phaseKind) {
    String phaseId = api.phaseIdByKind(phaseKind);
    return api.enrolments.values().stream()
        .filter(e -> e.path("phaseId").asString().equals(phaseId))
        .collect(Collectors.groupingBy(e -> e.path("status").asString(), Collectors.counting()));
  }
}
