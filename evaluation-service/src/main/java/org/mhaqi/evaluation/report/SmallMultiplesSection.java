package org.mhaqi.evaluation.report;

import java.util.List;

/**
 * The small multiples of a measure across a phase's services, with their data table: one row per
 * service, one column per month.
 *
 * @param svg the picture; null when no service has a month to draw
 * @param months the column headings
 * @param rows each service's values as published: a figure, * when withheld, - when not returned
 */
record SmallMultiplesSection(String svg, List<String> months, List<Row> rows) {

  record Row(String service, List<String> values) {}
}
