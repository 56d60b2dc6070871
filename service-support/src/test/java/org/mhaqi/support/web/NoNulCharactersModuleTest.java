package org.mhaqi.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

class NoNulCharactersModuleTest {

  record Idea(String title, List<String> tags) {}

  private final JsonMapper json =
      JsonMapper.builder().addModule(new NoNulCharactersModule()).build();

  @Test
  void aNulCharacterInAnyTextIsRefusedNamingTheField() {
    assertThatThrownBy(() -> json.readValue("{\"title\":\"a\\u0000b\",\"tags\":[]}", Idea.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("NUL")
        .satisfies(
            e ->
                assertThat(((InvalidFormatException) e).getPath().get(0).getPropertyName())
                    .isEqualTo("title"));
    assertThatThrownBy(
            () -> json.readValue("{\"title\":\"ok\",\"tags\":[\"x\\u0000\"]}", Idea.class))
        .isInstanceOf(InvalidFormatException.class);
  }

  @Test
  void otherTextIncludingUnicodeEdgesIsReadAsSent() {
    Idea idea =
        json.readValue(
            "{\"title\":\"Safety huddle \\u202e\\ud83d\\ude00 e\\u0301\",\"tags\":[\"a\",null]}",
            Idea.class);
    assertThat(idea.title()).isEqualTo("Safety huddle \u202e\ud83d\ude00 e\u0301");
    assertThat(idea.tags()).containsExactly("a", null);
  }
}
