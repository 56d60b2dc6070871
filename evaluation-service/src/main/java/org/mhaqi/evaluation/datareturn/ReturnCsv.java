package org.mhaqi.evaluation.datareturn;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mhaqi.evaluation.datareturn.ReturnSubmission.StratumCount;
import org.mhaqi.evaluation.web.RejectedInputException;
import org.mhaqi.evaluation.web.RejectedInputException.Problem;
import org.springframework.http.HttpStatus;

/**
 * The CSV layout trust analysts upload a service's monthly returns in: one row per stratum,
 * comma-separated, UTF-8, a header row naming the columns
 *
 * <pre>
 * measure_code,month,stratum_code,numerator,denominator[,correction_reason]
 * </pre>
 *
 * in that order ({@code correction_reason} may be left out). Rows of the same {@code measure_code}
 * and {@code month} (a {@code yyyy-MM} month) make one return; a non-empty {@code
 * correction_reason}, the same on each of its rows, makes it a correction. Counts are whole
 * numbers. Rows are numbered as records, the header being row 1 (blank lines are skipped).
 */
final class ReturnCsv {

  static final String MEASURE_CODE = "measure_code";
  static final String MONTH = "month";
  static final String STRATUM_CODE = "stratum_code";
  static final String NUMERATOR = "numerator";
  static final String DENOMINATOR = "denominator";
  static final String CORRECTION_REASON = "correction_reason";

  static final List<String> COLUMNS =
      List.of(MEASURE_CODE, MONTH, STRATUM_CODE, NUMERATOR, DENOMINATOR, CORRECTION_REASON);

  private static final int REQUIRED_COLUMNS = 5;

  private ReturnCsv() {}

  /** One return's rows gathered while reading. */
  private static final class Group {
    final String measureCode;
    final YearMonth month;
    final int row;
    final String correctionReason;
    final List<StratumCount> strata = new ArrayList<>();

    Group(String measureCode, YearMonth month, int row, String correctionReason) {
      this.measureCode = measureCode;
      this.month = month;
      this.row = row;
      this.correctionReason = correctionReason;
    }
  }

  /**
   * Reads the file into returns.
   *
   * @throws RejectedInputException (400, {@code malformed-csv}) naming each row and column that
   *     cannot be read, when any cannot
   */
  static List<ReturnSubmission> parse(String csv) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Group> groups = new LinkedHashMap<>();
    try (Reader reader = new StringReader(csv == null ? "" : stripBom(csv));
        CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).get().parse(reader)) {
      boolean header = true;
      for (CSVRecord record : parser) {
        int row = (int) record.getRecordNumber();
        if (header) {
          checkHeader(record, row, problems);
          header = false;
          continue;
        }
        readRow(record, row, groups, problems);
      }
      if (header) {
        problems.add(
            new Problem(1, "file", "is empty; expected the header " + String.join(",", COLUMNS)));
      } else if (groups.isEmpty() && problems.isEmpty()) {
        problems.add(new Problem(2, "file", "has a header but no rows"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | UncheckedIOException e) {
      // Commons CSV reports an unterminated quote and similar breakage this way.
      problems.add(new Problem(null, "file", "is not valid CSV: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new RejectedInputException(HttpStatus.BAD_REQUEST, "malformed-csv", problems);
    }
    return groups.values().stream()
        .map(
            g ->
                new ReturnSubmission(
                    g.measureCode,
                    g.month,
                    g.correctionReason != null,
                    g.correctionReason,
                    g.strata,
                    g.row))
        .toList();
  }

  private static void checkHeader(CSVRecord record, int row, List<Problem> problems) {
    List<String> names = record.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    boolean fits =
        (names.size() == COLUMNS.size() || names.size() == REQUIRED_COLUMNS)
            && names.equals(COLUMNS.subList(0, names.size()));
    if (!fits) {
      problems.add(
          new Problem(
              row,
              "header",
              "is "
                  + String.join(",", names)
                  + "; expected "
                  + String.join(",", COLUMNS)
                  + " (correction_reason may be left out)"));
    }
  }

  private static void readRow(
      CSVRecord record, int row, Map<String, Group> groups, List<Problem> problems) {
    if (record.size() < REQUIRED_COLUMNS || record.size() > COLUMNS.size()) {
      problems.add(
          new Problem(
              row,
              "row",
              "has " + record.size() + " columns; expected " + REQUIRED_COLUMNS + " or 6"));
      return;
    }
    int before = problems.size();
    String measureCode = required(record, 0, row, problems);
    YearMonth month = month(record.get(1), row, problems);
    String stratumCode = required(record, 2, row, problems);
    Long numerator = count(record.get(3), NUMERATOR, row, problems);
    Long denominator = count(record.get(4), DENOMINATOR, row, problems);
    String reason = record.size() > REQUIRED_COLUMNS ? record.get(5) : "";
    String correctionReason = reason.isEmpty() ? null : reason;
    if (problems.size() > before) {
      return;
    }
    Group group =
        groups.computeIfAbsent(
            measureCode + "|" + month, k -> new Group(measureCode, month, row, correctionReason));
    if (!Objects.equals(group.correctionReason, correctionReason)) {
      problems.add(
          new Problem(
              row,
              CORRECTION_REASON,
              "differs from row "
                  + group.row
                  + " of the same return; a return is corrected as a whole"));
      return;
    }
    group.strata.add(new StratumCount(stratumCode, numerator, denominator, row));
  }

  private static String required(CSVRecord record, int column, int row, List<Problem> problems) {
    String value = record.get(column);
    if (value.isEmpty()) {
      problems.add(new Problem(row, COLUMNS.get(column), "is empty"));
    }
    return value;
  }

  private static YearMonth month(String value, int row, List<Problem> problems) {
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(new Problem(row, MONTH, "'" + value + "' is not a month (yyyy-MM)"));
      return null;
    }
  }

  private static Long count(String value, String column, int row, List<Problem> problems) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      problems.add(new Problem(row, column, "'" + value + "' is not a whole number"));
      return null;
    }
  }

  private static String stripBom(String csv) {
    // Excel writes "CSV UTF-8" with a byte-order mark.
    return csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
  }
}
