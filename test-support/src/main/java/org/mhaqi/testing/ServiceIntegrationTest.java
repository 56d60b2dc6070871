package org.mhaqi.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.util.DefaultUriBuilderFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one base of the services' integration tests: the whole service on a random port against real
 * infrastructure ({@link RealInfrastructure}: a PostgreSQL database of its own and a real Kafka
 * broker), called over real HTTP through {@link #api}, with what every service's tests do: requests
 * with {@code {variables}}, events published as another service would, waiting until the consumers
 * have processed one, counting the outbox.
 *
 * <p>A test whose expectations depend on today's date sets {@code mhaqi.test.today} (an ISO date,
 * with {@code @TestPropertySource}): the service's {@link Clock} then shows that date, starting at
 * 09:00 in London and ticking from there, so a run gives the same dates whatever day it happens on.
 * Tests read the date from the same {@code Clock} bean ({@link #today()}). Without the property the
 * service keeps its own clock.
 *
 * <p>Every test class of a service should carry the same properties, so that they share one cached
 * Spring context: a service's own subclass of this one sets them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@Import(ServiceIntegrationTest.Support.class)
public abstract class ServiceIntegrationTest {

  /** The zone of the pinned clock: it starts at 09:00 London time on {@code mhaqi.test.today}. */
  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** How long a test waits for the consumers: long, since it only matters when one fails. */
  private static final Duration PROCESSING = Duration.ofSeconds(60);

  /** Producers by the service they speak for, shared by a class's tests, closed after them. */
  private static final Map<String, CloudEventProducer> PRODUCERS = new ConcurrentHashMap<>();

  @Autowired protected Api api;
  @Autowired protected JsonMapper json;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected Clock clock;

  @Value("${spring.kafka.bootstrap-servers}")
  protected String bootstrapServers;

  @AfterAll
  static void closeProducers() {
    PRODUCERS.values().forEach(CloudEventProducer::close);
    PRODUCERS.clear();
  }

  /** Today in London by the service's clock. */
  protected LocalDate today() {
    return LocalDate.now(clock.withZone(LONDON));
  }

  /**
   * Publishes as the named service does ({@code ce_source /mhaqi/<service>}), e.g. {@code
   * enrollment-service}.
   */
  protected CloudEventProducer producer(String service) {
    return PRODUCERS.computeIfAbsent(
        service, name -> new CloudEventProducer(bootstrapServers, json, name));
  }

  protected Api.Response get(String path, Object... variables) {
    return api.get(expand(path, variables));
  }

  /** The JSON body of a GET, whatever its status. */
  protected JsonNode read(String path, Object... variables) {
    return get(path, variables).body();
  }

  /** POSTs JSON: an object written as JSON, or a string taken as it is. */
  protected Api.Response postJson(String path, Object body, Object... variables) {
    return api.post(
        expand(path, variables), body instanceof String s ? s : json.writeValueAsString(body));
  }

  protected Api.Response postCsv(String path, String csv, Object... variables) {
    return api.post(expand(path, variables), csv, "text/csv");
  }

  protected Api.Response post(String path, Object... variables) {
    return api.post(expand(path, variables));
  }

  /** The path with its {@code {variables}} filled in and encoded. */
  protected static String expand(String path, Object... variables) {
    // Variables strictly encoded: a '+' in one stays a plus, never a space.
    DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory();
    uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.TEMPLATE_AND_VALUES);
    return uris.expand(path, variables).toString();
  }

  /** Waits until the consumers have processed (or skipped) the event with this id. */
  protected void awaitProcessed(UUID eventId) {
    Awaitility.await()
        .atMost(PROCESSING)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                jdbc.sql("select count(*) from processed_event where event_id = ?")
                        .param(eventId)
                        .query(Long.class)
                        .single()
                    > 0);
  }

  /** Events this service has recorded for an enrolment (the outbox keeps them a week). */
  protected long outboxEvents(UUID enrollmentId) {
    return jdbc.sql("select count(*) from outbox_event where message_key = ?")
        .param(enrollmentId.toString())
        .query(Long.class)
        .single();
  }

  /** The beans a service integration test gets besides the service's own. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Support {

    /** The service under test, over HTTP, once its server has a port. */
    @Bean
    Api api(Environment environment) {
      return new Api(
          () ->
              "http://127.0.0.1:"
                  + environment.getRequiredProperty("local.server.port", Integer.class));
    }

    /**
     * A clock that starts at 09:00 London time on the given date and ticks from there, in
     * microseconds as the services' own clock does.
     */
    @Bean
    @ConditionalOnProperty("mhaqi.test.today")
    Clock pinnedClock(@Value("${mhaqi.test.today}") String today) {
      Instant start = LocalDate.parse(today).atTime(LocalTime.of(9, 0)).atZone(LONDON).toInstant();
      Clock ticking = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
      return Clock.tick(ticking, Duration.ofNanos(1_000));
    }
  }
}
