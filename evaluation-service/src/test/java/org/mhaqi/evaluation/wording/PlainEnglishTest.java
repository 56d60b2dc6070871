package org.mhaqi.evaluation.wording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.evaluation.wording.PlainEnglish.WORDS;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.analysis.spc.Assurance;
import org.mhaqi.evaluation.analysis.spc.Variation;
import org.mhaqi.evaluation.changeidea.ChangeIdea;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.evaluation.measure.EthnicGroup;
import org.mhaqi.evaluation.spcdecision.SpcDecision;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.Region;

class PlainEnglishTest {

  @Test
  void everyCodeHasItsOwnWordsAndNoneIsTheCode() {
    plain(Region.values(), WORDS::region);
    plain(PhaseKind.values(), WORDS::phase);
    plain(EthnicGroup.values(), WORDS::ethnicGroup);
    plain(EnrolledService.Status.values(), WORDS::enrollmentStatus);
    plain(CoachingLevel.values(), WORDS::coachingLevel);
    plain(Variation.values(), WORDS::variation);
    plain(Assurance.values(), WORDS::assurance);
    plain(SpcDecision.Kind.values(), WORDS::spcDecision);
    plain(ChangeIdea.Act.values(), WORDS::act);
    plain(ChangeIdea.Status.values(), WORDS::changeIdeaStatus);
  }

  @Test
  void theIssuesExampleReadsAsPeopleSayIt() {
    assertThat(WORDS.region(Region.EAST_OF_ENGLAND)).isEqualTo("East of England");
    assertThat(WORDS.region(Region.NORTH_EAST_AND_YORKSHIRE)).isEqualTo("North East and Yorkshire");
    assertThat(WORDS.phase(PhaseKind.WIDER_IMPLEMENTATION)).isEqualTo("Wider implementation phase");
  }

  @Test
  void codesAsTheReportsSpellThemAreNamedToo() {
    assertThat(WORDS.variation("special_cause_concern"))
        .isEqualTo(WORDS.variation(Variation.SPECIAL_CAUSE_CONCERN));
    assertThat(WORDS.assurance("hit_and_miss")).isEqualTo(WORDS.assurance(Assurance.HIT_AND_MISS));
    assertThat(WORDS.assurance((String) null)).isEqualTo("No target set");
    assertThat(WORDS.ruleSet("making-data-count")).contains("XmR").contains("Making Data Count");
    assertThat(WORDS.ruleSet("ihi-run-chart")).contains("Run chart");
    assertThat(WORDS.region(null)).isEqualTo(PlainEnglish.UNKNOWN);
  }

  private static <E extends Enum<E>> void plain(E[] values, Function<E, String> words) {
    List<String> named = Arrays.stream(values).map(words).toList();
    assertThat(named).doesNotHaveDuplicates();
    for (int i = 0; i < values.length; i++) {
      assertThat(named.get(i))
          .as(values[i].name())
          .isNotBlank()
          .doesNotContain("_")
          .isNotEqualTo(values[i].name())
          .matches("[A-Z][^A-Z]*.*");
    }
  }
}
