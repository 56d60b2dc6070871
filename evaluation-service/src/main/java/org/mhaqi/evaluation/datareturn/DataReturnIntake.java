package org.mhaqi.evaluation.datareturn;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import org.mhaqi.evaluation.analysis.spc.XmrAnalysis;
import org.mhaqi.evaluation.datareturn.ReturnRules.Kind;
import org.mhaqi.evaluation.datareturn.ReturnRules.Violation;
import org.mhaqi.evaluation.datareturn.ReturnSubmission.StratumCount;
import org.mhaqi.evaluation.datareturn.SeriesSignals.MonthlyCounts;
import org.mhaqi.evaluation.datareturn.StoredReturn.Source;
import org.mhaqi.evaluation.datareturn.StoredReturn.Stratum;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.evaluation.enrollment.EnrolledServices;
import org.mhaqi.evaluation.measure.Measure;
import org.mhaqi.evaluation.measure.Measures;
import org.mhaqi.evaluation.measuretarget.MeasureTargets;
import org.mhaqi.evaluation.measuretarget.Targets;
import org.mhaqi.evaluation.web.RejectedInputException;
import org.mhaqi.evaluation.web.RejectedInputException.Problem;
import org.mhaqi.events.evaluation.DataReturnSubmitted;
import org.mhaqi.events.evaluation.SignalRule;
import org.mhaqi.events.evaluation.SignalVariation;
import org.mhaqi.events.evaluation.SpecialCauseDetected;
import org.mhaqi.support.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes monthly returns in: checks every return of a submission (one JSON return, or every return
 * of a CSV file) and stores them all with their {@code DataReturnSubmitted} events, or none of them
 * when any breaks a rule.
 */
@Service
public class DataReturnIntake {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** CSV column of each field the rules name. */
  private static final Map<String, String> CSV_COLUMNS =
      Map.of(
          "measureCode", ReturnCsv.MEASURE_CODE,
          "month", ReturnCsv.MONTH,
          "code", ReturnCsv.STRATUM_CODE,
          "numerator", ReturnCsv.NUMERATOR,
          "denominator", ReturnCsv.DENOMINATOR,
          "correction", ReturnCsv.CORRECTION_REASON,
          "correctionReason", ReturnCsv.CORRECTION_REASON,
          "strata", ReturnCsv.STRATUM_CODE);

  private final DataReturns returns;
  private final Measures measures;
  private final EnrolledServices enrollments;
  private final ApplicationEventPublisher events;
  private final MeasureTargets targets;
  private final Clock clock;
  private final int baselineMonths;

  DataReturnIntake(
      DataReturns returns,
      Measures measures,
      EnrolledServices enrollments,
      ApplicationEventPublisher events,
      MeasureTargets targets,
      Clock clock,
      DataReturnProperties properties) {
    this.targets = targets;
    this.returns = returns;
    this.measures = measures;
    this.enrollments = enrollments;
    this.events = events;
    this.clock = clock;
    this.baselineMonths = properties.baselineMonths();
  }

  /**
   * Stores the service's returns, all or none.
   *
   * @throws NotFoundException when evaluation knows no enrolment of the service
   * @throws RejectedInputException naming every broken rule (and CSV row), nothing stored
   */
  @Transactional
  public List<StoredReturn> submit(
      UUID serviceId, List<ReturnSubmission> submissions, Source source, String actor) {
    List<EnrolledService> ofService = enrollments.ofService(serviceId);
    if (ofService.isEmpty()) {
      throw new NotFoundException("enrolled service", serviceId);
    }
    YearMonth currentMonth = YearMonth.now(clock.withZone(LONDON));
    Instant now = clock.instant();
    List<Problem> problems = new ArrayList<>();
    boolean invalid = false;
    List<StoredReturn> accepted = new ArrayList<>();
    Map<UUID, Measure> measureOf = new HashMap<>();
    for (ReturnSubmission submission : submissions) {
      var measure = measures.find(submission.measureCode());
      int latest =
          measure.isPresent()
              ? returns.latestVersion(serviceId, submission.measureCode(), submission.month())
              : 0;
      List<Violation> violations =
          ReturnRules.check(submission, measure, ofService, latest, currentMonth, baselineMonths);
      for (Violation v : violations) {
        invalid |= v.kind() == Kind.INVALID;
        problems.add(problem(submission, v, source));
      }
      if (violations.isEmpty()) {
        UUID id = UUID.randomUUID();
        measureOf.put(id, measure.orElseThrow());
        EnrolledService enrollment =
            ReturnRules.enrollmentFor(ofService, submission.month(), baselineMonths).orElseThrow();
        accepted.add(
            new StoredReturn(
                id,
                enrollment.enrollmentId(),
                serviceId,
                submission.measureCode(),
                submission.month(),
                latest + 1,
                submission.correction() ? submission.correctionReason().strip() : null,
                source,
                actor,
                now,
                submission.strata().stream()
                    .map(s -> new Stratum(s.code(), s.numerator(), s.denominator()))
                    .toList()));
      }
    }
    if (!problems.isEmpty()) {
      throw invalid
          ? new RejectedInputException(
              HttpStatus.UNPROCESSABLE_CONTENT, "invalid-data-return", problems)
          : new RejectedInputException(HttpStatus.CONFLICT, "duplicate-data-return", problems);
    }
    Targets set = targets.all();
    for (StoredReturn r : accepted) {
      List<MonthlyCounts> before = returns.monthlyCounts(serviceId, r.measureCode());
      returns.insert(r);
      events.publishEvent(
          new DataReturnSubmitted(
              r.id(),
              r.enrollmentId(),
              r.serviceId(),
              r.measureCode(),
              r.month(),
              r.version(),
              r.version() > 1,
              r.submittedAt()));
      SeriesSignals.newSignal(
              measureOf.get(r.id()),
              before,
              returns.monthlyCounts(serviceId, r.measureCode()),
              target(r, ofService, set))
          .ifPresent(signal -> events.publishEvent(specialCause(r, signal, now)));
    }
    return accepted;
  }

  /** The target applying to the service's chart of the return's measure, in its enrolment. */
  private static Double target(StoredReturn r, List<EnrolledService> ofService, Targets set) {
    UUID phaseId =
        ofService.stream()
            .filter(e -> e.enrollmentId().equals(r.enrollmentId()))
            .map(EnrolledService::phaseId)
            .findFirst()
            .orElse(null);
    OptionalDouble target = set.applying(r.measureCode(), phaseId, r.serviceId());
    return target.isPresent() ? target.getAsDouble() : null;
  }

  private static SpecialCauseDetected specialCause(
      StoredReturn r, SeriesSignals.Signal signal, Instant now) {
    return new SpecialCauseDetected(
        r.enrollmentId(),
        r.serviceId(),
        r.measureCode(),
        r.id(),
        signal.month(),
        SignalRule.valueOf(signal.rule().name()),
        SignalVariation.valueOf(signal.variation().name()),
        signal.flaggedMonths(),
        XmrAnalysis.RULE_SET,
        signal.trialLimits(),
        now,
        signal.variationIcon().wireName(),
        signal.assuranceIcon() == null ? null : signal.assuranceIcon().wireName());
  }

  private static Problem problem(ReturnSubmission submission, Violation v, Source source) {
    StratumCount stratum = v.stratum() == null ? null : submission.strata().get(v.stratum());
    if (source == Source.CSV) {
      Integer row = stratum == null ? submission.row() : stratum.row();
      return new Problem(row, CSV_COLUMNS.getOrDefault(v.field(), v.field()), v.message());
    }
    String field = stratum == null ? v.field() : "strata[" + v.stratum() + "]." + v.field();
    return Problem.of(field, v.message());
  }
}
