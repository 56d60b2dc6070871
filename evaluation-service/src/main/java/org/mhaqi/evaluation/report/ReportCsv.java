package org.mhaqi.evaluation.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mhaqi.evaluation.measure.EthnicCategory;
import org.mhaqi.evaluation.measure.EthnicGroup;
import org.mhaqi.evaluation.measure.Measure;
import org.mhaqi.evaluation.suppression.Suppression;
import org.mhaqi.events.enrollment.Region;

/**
 * The evaluators' CSV export of a scope's returns: one row per service, measure, month and group
 * (the whole service as {@value #WHOLE_SERVICE}, then each ethnic group of a stratified measure),
 * counts suppressed ("*" under the minimum, others rounded) and the figure withheld ("*") where its
 * counts are too small. Columns: {@link #HEADER}.
 */
final class ReportCsv {

  static final String[] HEADER = {
    "region",
    "ods_code",
    "service_id",
    "measure_code",
    "month",
    "group",
    "numerator",
    "denominator",
    "value"
  };

  /** The group column of a row that sums every stratum of the return. */
  static final String WHOLE_SERVICE = "ALL";

  private ReportCsv() {}

  /** The CSV text, rows in catalogue order of measures, then ODS code, service and month. */
  static String write(List<Measure> catalogue, List<StratumRow> strata, Suppression suppression) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv =
        CSVFormat.RFC4180.builder().setHeader(HEADER).setRecordSeparator("\n").get().print(out)) {
      for (Measure measure : catalogue) {
        Map<Key, List<StratumRow>> byReturn = new LinkedHashMap<>();
        strata.stream()
            .filter(r -> Objects.equals(r.measureCode(), measure.code()))
            .forEach(
                r ->
                    byReturn
                        .computeIfAbsent(
                            new Key(r.region(), r.odsCode(), r.serviceId(), r.month()),
                            k -> new ArrayList<>())
                        .add(r));
        for (Map.Entry<Key, List<StratumRow>> e : byReturn.entrySet()) {
          for (Map.Entry<String, long[]> group : groups(measure, e.getValue()).entrySet()) {
            Key k = e.getKey();
            long[] c = group.getValue();
            csv.printRecord(
                k.region().name(),
                k.odsCode(),
                k.serviceId(),
                measure.code(),
                k.month(),
                group.getKey(),
                suppression.count(c[0]),
                suppression.count(c[1]),
                value(measure.unit(), c[0], c[1], suppression));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private record Key(Region region, String odsCode, UUID serviceId, YearMonth month) {}

  /** The whole service first, then each ethnic group present, in catalogue order. */
  private static Map<String, long[]> groups(Measure measure, List<StratumRow> strata) {
    Map<String, long[]> groups = new LinkedHashMap<>();
    long[] all = new long[2];
    groups.put(WHOLE_SERVICE, all);
    Map<EthnicGroup, long[]> byGroup = new EnumMap<>(EthnicGroup.class);
    for (StratumRow s : strata) {
      all[0] += s.numerator();
      all[1] += s.denominator();
      if (measure.stratification() == Measure.Stratification.ETHNIC_CATEGORY) {
        EthnicCategory.ofCode(s.stratumCode())
            .ifPresent(
                c -> {
                  long[] g = byGroup.computeIfAbsent(c.group(), x -> new long[2]);
                  g[0] += s.numerator();
                  g[1] += s.denominator();
                });
      }
    }
    byGroup.forEach((g, c) -> groups.put(g.name(), c));
    return groups;
  }

  /** The figure to 3 decimals, "*" when withheld, empty when there is none (a 0 denominator). */
  static String value(Measure.Unit unit, long numerator, long denominator, Suppression s) {
    if (MeasureFigure.suppressed(s, unit, numerator, denominator)) {
      return Suppression.SUPPRESSED;
    }
    return unit.figure(numerator, denominator)
        .map(v -> BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).toPlainString())
        .orElse("");
  }
}
