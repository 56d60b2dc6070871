package org.mhaqi.evaluation.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.mhaqi.evaluation.analysis.equity.RateRatio;
import org.mhaqi.evaluation.analysis.runchart.RunChartAnalysis;
import org.mhaqi.evaluation.analysis.runchart.RunChartPoint;
import org.mhaqi.evaluation.analysis.runchart.RunChartResult;
import org.mhaqi.evaluation.analysis.spc.Improvement;
import org.mhaqi.evaluation.analysis.spc.XmrAnalysis;
import org.mhaqi.evaluation.analysis.spc.XmrLimits;
import org.mhaqi.evaluation.analysis.spc.XmrOptions;
import org.mhaqi.evaluation.analysis.spc.XmrResult;
import org.mhaqi.evaluation.engagement.PublishedCount;
import org.mhaqi.evaluation.measure.EthnicCategory;
import org.mhaqi.evaluation.measure.EthnicGroup;
import org.mhaqi.evaluation.measure.Measure;
import org.mhaqi.evaluation.spcdecision.ChartDecisions;
import org.mhaqi.evaluation.suppression.Suppression;

/**
 * One measure over a report's scope: the monthly series (every stratum and service summed), its SPC
 * verdicts, and the equity rate ratios of each ethnic group against White, programme-wide and per
 * service. Analysis runs on the exact counts; only what is published is suppressed, and a
 * suppressed month is neither published nor drawn.
 *
 * @param ruleSet making-data-count for 12 months or more, ihi-run-chart for a shorter series, null
 *     without any month to analyse
 * @param centre the mean (XmR) or the median (run chart)
 * @param variation the last month's verdict (XmR only), spelt as the analysis API spells it
 * @param assurance against the target; null without one (or for a measure without a direction)
 * @param target the target that applies (the scope's most specific: service, phase, measure); null
 *     when none is set
 * @param variationIcon Making Data Count's variation icon (XmR only): common-cause,
 *     improvement-high, improvement-low, concern-high, concern-low, neither-high or neither-low
 * @param assuranceIcon Making Data Count's assurance icon (XmR only): pass, fail, hit-and-miss;
 *     null without an assurance verdict
 * @param signal whether a shift or trend shows (run chart only)
 * @param baselineUntil the last month of the baseline the XmR limits are fixed on, by a recorded
 *     decision; null when limits come from every month
 * @param rebasedFrom the months where recorded decisions start new XmR limits
 * @param equity per ethnic group against White over the whole scope; empty for an unstratified
 *     measure or a mean
 * @param equityByService the same per service
 * @param annotations the changes a service's chart marks, in month order: its change ideas' PDSA
 *     cycles, its SPC decisions and its coaching milestones (empty for a phase or a region)
 */
public record MeasureReport(
    String code,
    String name,
    Measure.Unit unit,
    Measure.Improvement improvement,
    List<Month> months,
    String ruleSet,
    Double centre,
    Double upperProcessLimit,
    Double lowerProcessLimit,
    Boolean trialLimits,
    String variation,
    String assurance,
    Double target,
    String variationIcon,
    String assuranceIcon,
    Boolean signal,
    YearMonth baselineUntil,
    List<YearMonth> rebasedFrom,
    List<GroupRatio> equity,
    List<ServiceEquity> equityByService,
    List<ChartAnnotation> annotations,
    @JsonIgnore Chartable chartable) {

  /** Fewer months than this are shown as a run chart rather than an XmR chart. */
  static final int MONTHS_FOR_XMR = XmrAnalysis.POINTS_FOR_FIRM_LIMITS;

  /** The group every other is compared with. */
  static final EthnicGroup REFERENCE = EthnicGroup.WHITE;

  /**
   * A month as published.
   *
   * @param value the figure in the measure's unit; null when suppressed
   * @param verdict the XmR variation or run-chart signal of the month; null when suppressed
   */
  public record Month(
      YearMonth month,
      PublishedCount numerator,
      PublishedCount denominator,
      Double value,
      String verdict) {}

  /**
   * An ethnic group's rate against White's: the counts suppressed, the ratio and its 95% interval
   * withheld (null) when either rate is suppressed or not estimable.
   */
  public record GroupRatio(
      EthnicGroup group,
      PublishedCount events,
      PublishedCount population,
      PublishedCount referenceEvents,
      PublishedCount referencePopulation,
      Double rateRatio,
      Double lower95,
      Double upper95,
      boolean suppressed) {}

  /** The equity rate ratios of one service. */
  public record ServiceEquity(UUID serviceId, String odsCode, List<GroupRatio> ratios) {}

  /**
   * What the charts need: exact values, months, the points not to draw, and whether the measure
   * compares ethnic groups at all (then a scope without a group to compare still has a forest plot,
   * saying so).
   */
  public record Chartable(
      List<YearMonth> months,
      XmrResult xmr,
      RunChartResult runChart,
      Set<Integer> suppressed,
      boolean comparesGroups) {}

  /** The report of {@code measure} from the latest strata of the scope's returns of it. */
  static MeasureReport of(Measure measure, List<StratumRow> rows, Suppression suppression) {
    return of(measure, rows, suppression, ChartDecisions.NONE, null);
  }

  /**
   * The same, with the XmR limits as the chart's standing decisions set them (those that apply to
   * the months there are), and assurance against the target (null for none).
   */
  static MeasureReport of(
      Measure measure,
      List<StratumRow> rows,
      Suppression suppression,
      ChartDecisions decisions,
      Double target) {
    Map<YearMonth, long[]> byMonth = new TreeMap<>();
    for (StratumRow row : rows) {
      long[] sum = byMonth.computeIfAbsent(row.month(), m -> new long[2]);
      sum[0] += row.numerator();
      sum[1] += row.denominator();
    }
    List<YearMonth> months = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<long[]> counts = new ArrayList<>();
    Set<Integer> suppressed = new LinkedHashSet<>();
    for (Map.Entry<YearMonth, long[]> e : byMonth.entrySet()) {
      long[] c = e.getValue();
      Optional<Double> figure = measure.unit().figure(c[0], c[1]);
      if (figure.isEmpty()) {
        continue;
      }
      if (MeasureFigure.suppressed(suppression, measure.unit(), c[0], c[1])) {
        suppressed.add(months.size());
      }
      months.add(e.getKey());
      values.add(figure.get());
      counts.add(c);
    }
    XmrResult xmr = null;
    RunChartResult run = null;
    XmrOptions options = XmrOptions.DEFAULT;
    if (values.size() >= MONTHS_FOR_XMR) {
      options = decisions.optionsFor(months);
      xmr =
          XmrAnalysis.analyse(
              values, Improvement.valueOf(measure.improvement().name()), target, options);
    } else if (!values.isEmpty()) {
      run = RunChartAnalysis.analyse(values);
    }
    List<Month> published = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      boolean hidden = suppressed.contains(i);
      published.add(
          new Month(
              months.get(i),
              new PublishedCount(suppression.countOrNull(counts.get(i)[0])),
              new PublishedCount(suppression.countOrNull(counts.get(i)[1])),
              hidden ? null : values.get(i),
              hidden ? null : verdict(xmr, run, i)));
    }
    XmrLimits limits = xmr == null ? null : xmr.currentLimits();
    return new MeasureReport(
        measure.code(),
        measure.name(),
        measure.unit(),
        measure.improvement(),
        published,
        xmr != null ? XmrAnalysis.RULE_SET : run != null ? RunChartAnalysis.RULE_SET : null,
        xmr != null ? Double.valueOf(limits.mean()) : run != null ? run.median() : null,
        limits == null ? null : limits.upperProcessLimit(),
        limits == null ? null : limits.lowerProcessLimit(),
        limits == null ? null : limits.trial(),
        xmr == null ? null : lower(xmr.variation()),
        xmr == null ? null : lower(xmr.assurance()),
        target,
        xmr == null ? null : xmr.variationIcon().wireName(),
        xmr == null || xmr.assuranceIcon() == null ? null : xmr.assuranceIcon().wireName(),
        run == null ? null : run.points().stream().anyMatch(p -> p.shift() || p.trend()),
        options.baselinePoints() == null ? null : months.get(options.baselinePoints() - 1),
        options.rebaseAt().stream().map(months::get).toList(),
        equity(measure, rows, suppression),
        equityByService(measure, rows, suppression),
        List.of(),
        new Chartable(months, xmr, run, suppressed, comparesGroups(measure)));
  }

  /** The same report with these changes marked on its chart. */
  MeasureReport withAnnotations(List<ChartAnnotation> marked) {
    return new MeasureReport(
        code,
        name,
        unit,
        improvement,
        months,
        ruleSet,
        centre,
        upperProcessLimit,
        lowerProcessLimit,
        trialLimits,
        variation,
        assurance,
        target,
        variationIcon,
        assuranceIcon,
        signal,
        baselineUntil,
        rebasedFrom,
        equity,
        equityByService,
        List.copyOf(marked),
        chartable);
  }

  private static String verdict(XmrResult xmr, RunChartResult run, int i) {
    if (xmr != null) {
      return lower(xmr.points().get(i).variation());
    }
    RunChartPoint p = run.points().get(i);
    return p.shift() ? "shift" : p.trend() ? "trend" : "no_signal";
  }

  /** An enum as the analysis API spells it: special_cause_improvement; null stays null. */
  static String lower(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether rate ratios mean anything for the measure: events over a population, by ethnicity. */
  static boolean comparesGroups(Measure measure) {
    return measure.stratification() == Measure.Stratification.ETHNIC_CATEGORY
        && (measure.unit() == Measure.Unit.RATE_PER_1000_OCCUPIED_BED_DAYS
            || measure.unit() == Measure.Unit.PERCENTAGE);
  }

  private static List<ServiceEquity> equityByService(
      Measure measure, List<StratumRow> rows, Suppression suppression) {
    if (!comparesGroups(measure)) {
      return List.of();
    }
    Map<UUID, List<StratumRow>> byService = new LinkedHashMap<>();
    Map<UUID, String> ods = new LinkedHashMap<>();
    for (StratumRow row : rows) {
      byService.computeIfAbsent(row.serviceId(), s -> new ArrayList<>()).add(row);
      ods.put(row.serviceId(), row.odsCode());
    }
    List<ServiceEquity> result = new ArrayList<>();
    byService.forEach(
        (service, its) ->
            result.add(
                new ServiceEquity(service, ods.get(service), equity(measure, its, suppression))));
    return result;
  }

  /**
   * Each ethnic group (not White, not "not stated") against White, events and populations summed
   * over every month of the rows.
   */
  static List<GroupRatio> equity(Measure measure, List<StratumRow> rows, Suppression suppression) {
    if (!comparesGroups(measure)) {
      return List.of();
    }
    Map<EthnicGroup, long[]> byGroup = new EnumMap<>(EthnicGroup.class);
    for (StratumRow row : rows) {
      EthnicCategory.ofCode(row.stratumCode())
          .ifPresent(
              category -> {
                long[] sum = byGroup.computeIfAbsent(category.group(), g -> new long[2]);
                sum[0] += row.numerator();
                sum[1] += row.denominator();
              });
    }
    long[] reference = byGroup.getOrDefault(REFERENCE, new long[2]);
    List<GroupRatio> ratios = new ArrayList<>();
    for (EthnicGroup group : EthnicGroup.values()) {
      if (group == REFERENCE || group == EthnicGroup.NOT_STATED_OR_KNOWN) {
        continue;
      }
      long[] own = byGroup.get(group);
      if (own == null) {
        continue;
      }
      boolean withheld =
          suppression.suppressesRate(own[0], own[1])
              || suppression.suppressesRate(reference[0], reference[1]);
      RateRatio ratio =
          withheld
              ? new RateRatio(null, null, null)
              : RateRatio.of(own[0], own[1], reference[0], reference[1]);
      ratios.add(
          new GroupRatio(
              group,
              new PublishedCount(suppression.countOrNull(own[0])),
              new PublishedCount(suppression.countOrNull(own[1])),
              new PublishedCount(suppression.countOrNull(reference[0])),
              new PublishedCount(suppression.countOrNull(reference[1])),
              ratio.rateRatio(),
              ratio.lower95(),
              ratio.upper95(),
              withheld));
    }
    return ratios;
  }
}
