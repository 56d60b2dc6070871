package org.mhaqi.analytics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@link ProgrammeTable} against the platform's broker as {@code User:analytics} and serves
 * the table: {@code GET /phases} (JSON, by phase id) and {@code GET /metrics} (Prometheus text).
 *
 * <p>Settings, from the environment: {@code KAFKA_BOOTSTRAP_SERVERS} (127.0.0.1:9092), {@code
 * KAFKA_USERNAME} (analytics), {@code KAFKA_PASSWORD} (analytics-demo-secret, the demo value of a
 * developer's machine), {@code ANALYTICS_PORT} (8095), {@code ANALYTICS_APPLICATION_ID}
 * (analytics-programme-table: a new id reads everything again from offset zero), {@code
 * ANALYTICS_STATE_DIR}.
 */
public final class AnalyticsExample {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AnalyticsExample() {}

  /** The Streams settings: authenticated as analytics, reading from the beginning. */
  static Properties config(Map<String, String> env) throws IOException {
    Properties p = new Properties();
    p.put(
        StreamsConfig.APPLICATION_ID_CONFIG,
        env.getOrDefault("ANALYTICS_APPLICATION_ID", "analytics-programme-table"));
    p.put(
        StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
        env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
    p.put(
        StreamsConfig.STATE_DIR_CONFIG,
        env.getOrDefault(
            "ANALYTICS_STATE_DIR", Files.createTempDirectory("analytics-state").toString()));
    // A new application id has no committed offsets: it starts at offset zero of every topic.
    p.put("auto.offset.reset", "earliest");
    // The platform's broker has one node; a cluster of three would want 3.
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, env.getOrDefault("ANALYTICS_REPLICATION", "1"));
    String user = env.getOrDefault("KAFKA_USERNAME", "analytics");
    String password = env.getOrDefault("KAFKA_PASSWORD", user + "-demo-secret");
    p.put("security.protocol", env.getOrDefault("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"));
    p.put("sasl.mechanism", "SCRAM-SHA-512");
    p.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + user
            + "\" password=\""
            + password
            + "\";");
    return p;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    KafkaStreams streams = new KafkaStreams(ProgrammeTable.topology(), config(env));
    int port = Integer.parseInt(env.getOrDefault("ANALYTICS_PORT", "8095"));
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    http.createContext(
        "/phases", exchange -> answer(exchange, "application/json", phasesJson(streams)));
    http.createContext(
        "/metrics",
        exchange -> answer(exchange, "text/plain; version=0.0.4", prometheus(table(streams))));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  http.stop(0);
                  streams.close();
                  stopped.countDown();
                }));
    streams.start();
    http.start();
    System.out.printf("analytics-example: http://127.0.0.1:%d/phases and /metrics%n", port);
    stopped.await();
  }

  /** The table as it stands, by phase id; empty until the store is ready. */
  static SortedMap<String, PhaseFigures> table(KafkaStreams streams) {
    SortedMap<String, PhaseFigures> table = new TreeMap<>();
    if (streams.state() != KafkaStreams.State.RUNNING) {
      return table;
    }
    ReadOnlyKeyValueStore<String, PhaseFigures> store =
        streams.store(
            StoreQueryParameters.fromNameAndType(
                ProgrammeTable.TABLE, QueryableStoreTypes.keyValueStore()));
    try (KeyValueIterator<String, PhaseFigures> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, PhaseFigures> entry = all.next();
        table.put(entry.key, entry.value);
      }
    }
    return table;
  }

  private static String phasesJson(KafkaStreams streams) {
    return JSON.writeValueAsString(
        Map.of("state", streams.state().name(), "phases", table(streams)));
  }

  /** One gauge per figure, labelled by phase id (no names: the events carry none). */
  static String prometheus(SortedMap<String, PhaseFigures> table) {
    StringBuilder text = new StringBuilder();
    String[][] figures = {
      {"enrolled", "Services enrolled in the phase, less those withdrawn"},
      {"waitlisted", "Services on the phase's waiting list"},
      {"withdrawn", "Enrolments withdrawn from the phase"},
      {"sessions_planned", "Coaching sessions planned in the phase"},
      {"sessions_delivered", "Coaching sessions delivered in the phase"},
      {"returns_in", "Monthly data returns submitted in the phase"},
      {"special_causes", "Special causes detected in the phase's returns"}
    };
    for (String[] figure : figures) {
      String name = "mhaqi_analytics_phase_" + figure[0];
      text.append("# HELP ").append(name).append(' ').append(figure[1]).append('\n');
      text.append("# TYPE ").append(name).append(" gauge\n");
      for (Map.Entry<String, PhaseFigures> phase : table.entrySet()) {
        text.append(name)
            .append("{phase=\"")
            .append(phase.getKey())
            .append("\"} ")
            .append(value(phase.getValue(), figure[0]))
            .append('\n');
      }
    }
    return text.toString();
  }

  private static long value(PhaseFigures f, String figure) {
    return switch (figure) {
      case "enrolled" -> f.enrolled();
      case "waitlisted" -> f.waitlisted();
      case "withdrawn" -> f.withdrawn();
      case "sessions_planned" -> f.sessionsPlanned();
      case "sessions_delivered" -> f.sessionsDelivered();
      case "returns_in" -> f.returnsIn();
      case "special_causes" -> f.specialCauses();
      default -> throw new IllegalArgumentException(figure);
    };
  }

  private static void answer(HttpExchange exchange, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type.toLowerCase(Locale.ROOT));
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
