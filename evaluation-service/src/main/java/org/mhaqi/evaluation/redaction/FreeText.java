package org.mhaqi.evaluation.redaction;

import java.util.List;

/**
 * A feature's columns that may hold free text or a person's identifier, declared by the feature
 * that owns their table, so that a new column is declared where it is added.
 */
public interface FreeText {

  /**
   * One such column.
   *
   * @param kind how a redaction's answer names it, e.g. {@code changeIdea.description}
   * @param maxLength the column's length limit (a replacement can be longer than the text it
   *     replaces); null for unbounded text
   */
  record Column(String kind, String table, String column, Integer maxLength) {}

  List<Column> freeTextColumns();
}
