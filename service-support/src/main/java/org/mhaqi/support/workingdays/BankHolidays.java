package org.mhaqi.support.workingdays;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bank holidays of one division (e.g. {@code england-and-wales}), as GOV.UK publishes them:
 * {@code {"england-and-wales": {"division": ..., "events": [{"title", "date", "notes",
 * "bunting"}]}, "scotland": ..., "northern-ireland": ...}}.
 */
public final class BankHolidays {

  private final String division;
  private final TreeMap<LocalDate, String> titles;

  public BankHolidays(String division, Map<LocalDate, String> titles) {
    if (titles.isEmpty()) {
      throw new IllegalArgumentException("No bank holidays for division " + division);
    }
    this.division = division;
    this.titles = new TreeMap<>(titles);
  }

  /** Reads one division out of a GOV.UK bank holidays document. */
  public static BankHolidays read(InputStream json, String division, JsonMapper mapper) {
    JsonNode root;
    try (json) {
      root = mapper.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bank holidays file", e);
    }
    JsonNode events = root.path(division).path("events");
    if (!events.isArray()) {
      throw new IllegalArgumentException(
          "The bank holidays file has no events for division '" + division + "'");
    }
    Map<LocalDate, String> titles = new TreeMap<>();
    for (JsonNode event : events) {
      String date = event.path("date").asString(null);
      if (date == null) {
        throw new IllegalArgumentException("A bank holiday of " + division + " has no date");
      }
      String title = event.path("title").asString("Bank holiday");
      String notes = event.path("notes").asString("");
      titles.put(LocalDate.parse(date), notes.isBlank() ? title : title + " (" + notes + ")");
    }
    return new BankHolidays(division, titles);
  }

  public Optional<String> holiday(LocalDate date) {
    return Optional.ofNullable(titles.get(date));
  }

  public String division() {
    return division;
  }

  /** First and last year the file lists holidays for; outside them every weekday counts. */
  public Year firstYear() {
    return Year.from(titles.firstKey());
  }

  public Year lastYear() {
    return Year.from(titles.lastKey());
  }

  public Map<LocalDate, String> all() {
    return Collections.unmodifiableMap(titles);
  }
}
