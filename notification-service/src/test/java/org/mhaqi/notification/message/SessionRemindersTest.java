package org.mhaqi.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mhaqi.support.workingdays.WorkingDays;

class SessionRemindersTest {

  private final SessionReminders reminders =
      new SessionReminders(null, null, WorkingDays.englandAndWales(), null, null);

  @Test
  void aSessionIsRemindedTheWorkingDayBefore() {
    // Tuesday 8 December 2026: the Monday before.
    assertThat(reminders.remindOn(LocalDate.of(2026, 12, 8))).isEqualTo("2026-12-07");
    // A Monday's session: the Friday before, not the weekend.
    assertThat(reminders.remindOn(LocalDate.of(2026, 12, 7))).isEqualTo("2026-12-04");
    assertThat(reminders.remindOn(LocalDate.of(2026, 12, 6))).isEqualTo("2026-12-04");
  }

  @Test
  void bankHolidaysAreNotWorkingDays() {
    // Tuesday 29 December 2026: Christmas Day is a Friday, Boxing Day's substitute the Monday.
    assertThat(reminders.remindOn(LocalDate.of(2026, 12, 29))).isEqualTo("2026-12-24");
    // Tuesday 26 May 2026, after the spring bank holiday: the Friday before.
    assertThat(reminders.remindOn(LocalDate.of(2026, 5, 26))).isEqualTo("2026-05-22");
    // Tuesday 7 April 2026, after Easter Monday and Good Friday: the Thursday before.
    assertThat(reminders.remindOn(LocalDate.of(2026, 4, 7))).isEqualTo("2026-04-02");
  }
}
