package org.mhaqi.events.evaluation;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * A data return made a new special cause appear on a service's monthly series of a measure (the
 * whole-service figure, latest version of each month), under Making Data Count's XmR rules. Carries
 * no values or counts: read the chart, suppressed, from evaluation-service.
 *
 * @param returnId the return (version) whose arrival revealed the signal
 * @param month the latest month newly flagged, {@code yyyy-MM}
 * @param rule the rule that flagged that month
 * @param variation which way it points for the measure
 * @param flaggedMonths every month newly flagged by this return, in order (a run or trend flags
 *     earlier months too)
 * @param ruleSet the rule set of the analysis, {@code making-data-count}
 * @param trialLimits whether the limits are trial limits (fewer than 12 points)
 * @param variationIcon Making Data Count's variation icon of the series after the return ({@code
 *     common-cause}, {@code improvement-high}, ..., {@code neither-low}); an optional addition,
 *     absent from events published before it
 * @param assuranceIcon Making Data Count's assurance icon against the target applying to the
 *     service's chart ({@code pass}, {@code fail}, {@code hit-and-miss}); null without a target
 */
@EventContract(type = "SpecialCauseDetected", topic = Topics.EVALUATION_EVENTS)
public record SpecialCauseDetected(
    UUID enrollmentId,
    UUID serviceId,
    String measureCode,
    UUID returnId,
    YearMonth month,
    SignalRule rule,
    SignalVariation variation,
    List<YearMonth> flaggedMonths,
    String ruleSet,
    boolean trialLimits,
    Instant detectedAt,
    String variationIcon,
    String assuranceIcon)
    implements DomainEvent {

  public SpecialCauseDetected {
    flaggedMonths = List.copyOf(flaggedMonths);
  }

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
