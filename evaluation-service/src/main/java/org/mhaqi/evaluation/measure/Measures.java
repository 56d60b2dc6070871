package org.mhaqi.evaluation.measure;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code measure} table: the catalogue, seeded by Flyway. */
@Repository
public class Measures {

  private static final String COLUMNS =
      "code, name, description, type, unit, improvement, stratification, numerator, denominator";

  private final JdbcClient jdbc;

  Measures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Measure> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM measure ORDER BY type, code")
        .query(Measure.class)
        .list();
  }

  public Optional<Measure> find(String code) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM measure WHERE code = ?")
        .param(code)
        .query(Measure.class)
        .optional();
  }
}
