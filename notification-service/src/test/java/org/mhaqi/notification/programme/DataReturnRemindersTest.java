package org.mhaqi.notification.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.mhaqi.support.workingdays.WorkingDays;

class DataReturnRemindersTest {

  private static DataReturnReminders withGracePeriod(int days) {
    return new DataReturnReminders(
        null,
        null,
        WorkingDays.englandAndWales(),
        null,
        null,
        new DataReturnProperties(Period.ofDays(days), 5));
  }

  @Test
  void aMonthIsDueTheGracePeriodAfterItsLastDayAndRemindedFiveWorkingDaysBefore() {
    DataReturnReminders reminders = withGracePeriod(20);
    assertThat(reminders.dueOn(YearMonth.of(2026, 11))).isEqualTo("2026-12-20");
    // Due on a Sunday: Friday 18 back to Monday 14 are the five working days.
    assertThat(reminders.remindOn(LocalDate.of(2026, 12, 20))).isEqualTo("2026-12-14");
  }

  @Test
  void bankHolidaysDoNotCountAsWorkingDays() {
    DataReturnReminders reminders = withGracePeriod(5);
    // Due Tuesday 5 January 2027: 4 January, 31, 30, 29 and 24 December (1 January, 28 and 25
    // December are bank holidays).
    assertThat(reminders.dueOn(YearMonth.of(2026, 12))).isEqualTo("2027-01-05");
    assertThat(reminders.remindOn(LocalDate.of(2027, 1, 5))).isEqualTo("2026-12-24");
  }

  @Test
  void theMonthToRemindIsTheOneWhoseReminderDayHasComeAndDueDateNotPassed() {
    DataReturnReminders reminders = withGracePeriod(20);
    assertThat(reminders.monthToRemind(LocalDate.of(2026, 12, 11))).isNull();
    assertThat(reminders.monthToRemind(LocalDate.of(2026, 12, 14))).isEqualTo("2026-11");
    assertThat(reminders.monthToRemind(LocalDate.of(2026, 12, 20))).isEqualTo("2026-11");
    assertThat(reminders.monthToRemind(LocalDate.of(2026, 12, 21))).isNull();
  }
}
