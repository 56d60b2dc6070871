package org.mhaqi.console.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

  @Test
  void constantsReadAsSentencesWithTheirAbbreviationsKept() {
    assertThat(Words.plain("CAMHS_INPATIENT")).isEqualTo("CAMHS inpatient");
    assertThat(Words.plain("ADULT_ACUTE")).isEqualTo("Adult acute");
    assertThat(Words.plain(null)).isEmpty();
  }

  @Test
  void namesCapitaliseEveryWordButTheSmallOnes() {
    assertThat(Words.name("NORTH_EAST_AND_YORKSHIRE")).isEqualTo("North East and Yorkshire");
  }
}
