package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

  private final PostgresServer server = PostgresServer.forTests();

  @Test
  void createsADatabaseOnceAndDropsIt() throws Exception {
    String name = "lp_test_" + UUID.randomUUID().toString().substring(0, 8);
    try {
      PostgresServer.Database db = server.createDatabase(name);
      server.createDatabase(name); // already there: left alone

      assertThat(db.url()).isEqualTo(server.baseUrl() + "/" + name);
      assertThat(server.existing(List.of(name, name + "_missing"))).containsExactly(name);
      try (Connection c = server.connect(name)) {
        assertThat(c.isValid(5)).isTrue();
      }
    } finally {
      server.dropDatabase(name);
    }
    assertThat(server.existing(List.of(name))).isEmpty();
  }

  @Test
  void refusesANameThatIsNotPlain() {
    assertThatThrownBy(() -> server.createDatabase("x; drop database postgres"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
