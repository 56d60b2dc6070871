package org.mhaqi.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

class SupportedDatesModuleTest {

  record Body(LocalDate on, LocalDateTime at, Instant when) {}

  private static final JsonMapper JSON =
      JsonMapper.builder().addModule(new SupportedDatesModule()).build();

  private static Body read(String on, String at, String when) {
    return JSON.readValue(
        "{\"on\":\"%s\",\"at\":\"%s\",\"when\":\"%s\"}".formatted(on, at, when), Body.class);
  }

  @Test
  void supportedDatesReadAsJacksonReadsThem() {
    assertThat(read("1900-01-01", "2999-12-31T23:59:00", "2024-09-02T09:00:00Z"))
        .isEqualTo(
            new Body(
                LocalDate.of(1900, 1, 1),
                LocalDateTime.of(2999, 12, 31, 23, 59),
                Instant.parse("2024-09-02T09:00:00Z")));
  }

  @Test
  void aDateOutsideTheRangeIsAnInvalidValueOfItsField() {
    assertOutOfRange(
        () -> read("+999999999-12-31", "2024-09-02T09:00:00", "2024-09-02T09:00:00Z"), "on");
    assertOutOfRange(() -> read("2024-09-02", "1899-12-31T23:59:00", "2024-09-02T09:00:00Z"), "at");
    assertOutOfRange(
        () -> read("2024-09-02", "2024-09-02T09:00:00", "3000-01-01T00:00:00Z"), "when");
  }

  private static void assertOutOfRange(Runnable reading, String field) {
    assertThatThrownBy(reading::run)
        .isInstanceOfSatisfying(
            InvalidFormatException.class,
            e -> {
              assertThat(e.getPath().get(0).getPropertyName()).isEqualTo(field);
              assertThat(e.getValue()).isInstanceOf(java.time.temporal.Temporal.class);
              assertThat(e.getOriginalMessage()).contains("between 1900-01-01 and 2999-12-31");
            });
  }
}
