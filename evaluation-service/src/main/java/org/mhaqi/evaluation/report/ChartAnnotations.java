package org.mhaqi.evaluation.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.mhaqi.evaluation.chart.ChartMark;

/**
 * What a service's chart of a measure marks: the PDSA cycles of the change ideas that name the
 * measure (each start and each decision), the chart's standing SPC decisions (the end of the
 * baseline, each rebase), and the coaching milestones (the first session delivered, each
 * improvement day delivered). In month order; within a month, in the order listed here.
 */
final class ChartAnnotations {

  /**
   * One cycle of a change idea.
   *
   * @param idea the idea's number among the service's, in the order they were recorded
   * @param act the decision as pdsa_cycle keeps it (ADOPT, ADAPT, ABANDON); null while it runs
   * @param completedOn when the decision was taken; null while the cycle runs
   */
  record Cycle(int idea, int cycle, LocalDate startedOn, String act, LocalDate completedOn) {}

  /** A coaching session the service had, delivered on {@code on}. */
  record DeliveredSession(LocalDate on, boolean improvementDay) {}

  private static final List<String> ORDER =
      List.of(
          "pdsa-started",
          "pdsa-adopted",
          "pdsa-adapted",
          "pdsa-abandoned",
          "baseline",
          "rebase",
          "first-coaching-session",
          "improvement-day");

  private ChartAnnotations() {}

  static List<ChartAnnotation> of(
      List<Cycle> cycles,
      List<DeliveredSession> sessions,
      YearMonth baselineUntil,
      List<YearMonth> rebasedFrom) {
    List<ChartAnnotation> all = new ArrayList<>();
    for (Cycle c : cycles) {
      String name = "Change idea " + c.idea() + ", PDSA cycle " + c.cycle();
      all.add(
          new ChartAnnotation(YearMonth.from(c.startedOn()), "pdsa-started", name + " started"));
      if (c.act() != null) {
        String decided =
            switch (c.act()) {
              case "ADOPT" -> "adopted";
              case "ADAPT" -> "adapted";
              case "ABANDON" -> "abandoned";
              default -> throw new IllegalArgumentException("no such decision: " + c.act());
            };
        all.add(
            new ChartAnnotation(
                YearMonth.from(c.completedOn()), "pdsa-" + decided, name + ": idea " + decided));
      }
    }
    if (baselineUntil != null) {
      all.add(
          new ChartAnnotation(
              baselineUntil, "baseline", "Baseline ends: limits fixed on the months to here"));
    }
    for (YearMonth rebase : rebasedFrom) {
      all.add(new ChartAnnotation(rebase, "rebase", "Limits rebased: new limits from here"));
    }
    sessions.stream()
        .map(DeliveredSession::on)
        .min(Comparator.naturalOrder())
        .ifPresent(
            first ->
                all.add(
                    new ChartAnnotation(
                        YearMonth.from(first),
                        "first-coaching-session",
                        "First coaching session")));
    sessions.stream()
        .filter(DeliveredSession::improvementDay)
        .map(DeliveredSession::on)
        .sorted()
        .forEach(
            day ->
                all.add(
                    new ChartAnnotation(
                        YearMonth.from(day),
                        "improvement-day",
                        "Improvement day on "
                            + day.format(
                                DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)))));
    all.sort(
        Comparator.comparing(ChartAnnotation::month)
            .thenComparingInt(a -> ORDER.indexOf(a.kind())));
    return List.copyOf(all);
  }

  /**
   * The annotations' marks on a chart of these months (in order): each numbered by its place in the
   * list, drawn at its month or, in a gap, at the first month after it; one before the first month
   * or after the last is listed but not drawn.
   */
  static List<ChartMark> marks(List<ChartAnnotation> annotations, List<YearMonth> months) {
    List<ChartMark> marks = new ArrayList<>();
    for (int i = 0; i < annotations.size(); i++) {
      int index = index(annotations.get(i).month(), months);
      if (index >= 0) {
        marks.add(new ChartMark(index, Integer.toString(i + 1), annotations.get(i).label()));
      }
    }
    return marks;
  }

  /** The point a month is drawn at; -1 when it lies outside the months. */
  static int index(YearMonth month, List<YearMonth> months) {
    if (months.isEmpty() || month.isBefore(months.get(0))) {
      return -1;
    }
    for (int i = 0; i < months.size(); i++) {
      if (!months.get(i).isBefore(month)) {
        return i;
      }
    }
    return -1;
  }
}
