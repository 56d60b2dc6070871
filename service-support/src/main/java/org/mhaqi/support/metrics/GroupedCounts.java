package org.mhaqi.support.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures of one grouped query, read at most once per {@code maxAge} however many gauges ask
 * and however often Prometheus scrapes. The query returns its group columns first (strings) and the
 * figure last; a gauge asks for its group's figure with {@link #get(String...)}, 0 when the group
 * has no row.
 */
public final class GroupedCounts {

  private final JdbcClient jdbc;
  private final String sql;
  private final int groupColumns;
  private final long maxAgeNanos;
  private Map<List<String>, Double> snapshot = Map.of();
  private long takenAt;
  private boolean taken;

  public GroupedCounts(JdbcClient jdbc, String sql, int groupColumns, Duration maxAge) {
    this.jdbc = jdbc;
    this.sql = sql;
    this.groupColumns = groupColumns;
    // Monotonic time: services may run on a fixed Clock in tests.
    this.maxAgeNanos = maxAge.toNanos();
  }

  public GroupedCounts(JdbcClient jdbc, String sql, int groupColumns) {
    this(jdbc, sql, groupColumns, Duration.ofSeconds(5));
  }

  public synchronized double get(String... group) {
    long now = System.nanoTime();
    if (!taken || now - takenAt > maxAgeNanos) {
      Map<List<String>, Double> counts = new HashMap<>();
      jdbc.sql(sql)
          .query(
              rs -> {
                String[] key = new String[groupColumns];
                for (int i = 0; i < groupColumns; i++) {
                  key[i] = rs.getString(i + 1);
                }
                counts.put(List.of(key), rs.getDouble(groupColumns + 1));
              });
      snapshot = counts;
      takenAt = now;
      taken = true;
    }
    return snapshot.getOrDefault(List.of(group), 0.0);
  }
}
