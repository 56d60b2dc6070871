package org.mhaqi.evaluation.report;

import java.time.YearMonth;
import java.util.UUID;
import org.mhaqi.events.enrollment.Region;

/** One stratum of the latest version of a return, with the enrolment it belongs to. */
public record StratumRow(
    UUID serviceId,
    String odsCode,
    Region region,
    String measureCode,
    YearMonth month,
    String stratumCode,
    long numerator,
    long denominator) {}
