package org.mhaqi.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The services' connections (service-defaults.yml) keep the values of a failing row out of the
 * driver's error messages, which end up in logs, and cancel statements that run too long.
 */
@SpringBootTest(
    classes = ConsumerTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = RealInfrastructure.class)
class DatabaseErrorDetailIT {

  @Autowired JdbcTemplate jdbc;

  @Test
  void aConstraintViolationNamesTheConstraintButNotTheRowsValues() {
    String message =
        jdbc.execute(
            (ConnectionCallback<String>)
                connection -> {
                  try (Statement statement = connection.createStatement()) {
                    statement.execute(
                        "create temp table person_probe (email text primary key, name text not"
                            + " null check (length(name) < 5))");
                    try {
                      statement.execute(
                          "insert into person_probe values ('ottoline@example.nhs.uk',"
                              + " 'Ottoline Brightwater')");
                      return "no error";
                    } catch (SQLException e) {
                      return e.getMessage();
                    } finally {
                      statement.execute("drop table person_probe");
                    }
                  }
                });

    assertThat(message)
        .contains("person_probe_name_check")
        .doesNotContain("Ottoline", "ottoline@example.nhs.uk");
  }

  @Test
  void statementsRunningLongerThanTheTimeoutAreCancelled() {
    assertThat(jdbc.queryForObject("show statement_timeout", String.class)).isEqualTo("30s");
  }
}
