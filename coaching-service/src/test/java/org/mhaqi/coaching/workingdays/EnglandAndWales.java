package org.mhaqi.coaching.workingdays;

import tools.jackson.databind.json.JsonMapper;

/** The working days of the bank holidays file the service ships, for tests. */
public final class EnglandAndWales {

  private EnglandAndWales() {}

  public static WorkingDays workingDays() {
    return new WorkingDays(
        BankHolidays.read(
            EnglandAndWales.class.getResourceAsStream("/bank-holidays.json"),
            "england-and-wales",
            JsonMapper.builder().build()));
  }
}
