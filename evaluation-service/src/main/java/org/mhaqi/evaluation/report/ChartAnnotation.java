package org.mhaqi.evaluation.report;

import java.time.YearMonth;

/**
 * A change marked on a service's chart, in the words its list beneath the chart gives: no free text
 * a team wrote (a change idea is named by its number in the order the service recorded them).
 *
 * @param month the month the change happened in
 * @param kind what happened: pdsa-started, pdsa-adopted, pdsa-adapted, pdsa-abandoned, baseline,
 *     rebase, first-coaching-session or improvement-day
 * @param label the change in a few words
 */
public record ChartAnnotation(YearMonth month, String kind, String label) {}
