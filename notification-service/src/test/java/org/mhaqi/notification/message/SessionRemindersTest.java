package org.mhaqi.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SessionRemindersTest {

  @Test
  void aSessionIsRemindedTheWorkingDayBefore() {
    // Tuesday 8 December 2026: the Monday before.
    assertThat(SessionReminders.remindOn(LocalDate.of(2026, 12, 8))).isEqualTo("2026-12-07");
    // A Monday's session: the Friday before, not the weekend.
    assertThat(SessionReminders.remindOn(LocalDate.of(2026, 12, 7))).isEqualTo("2026-12-04");
    assertThat(SessionReminders.remindOn(LocalDate.of(2026, 12, 6))).isEqualTo("2026-12-04");
  }
}
