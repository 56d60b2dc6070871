package org.mhaqi.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one way the services' integration tests start: the whole service on a random port against
 * real infrastructure ({@link RealInfrastructure}: a PostgreSQL database of its own and a real
 * Kafka broker), called over real HTTP through an {@link Api} bean.
 *
 * <p>A test whose expectations depend on today's date sets {@code mhaqi.test.today} (an ISO date):
 * the service's {@link Clock} then shows that date, starting at 09:00 in London and ticking from
 * there, so a run gives the same dates whatever day it happens on. Tests read the date from the
 * same {@code Clock} bean. Without the property the service keeps its own clock.
 *
 * <p>Every test class of a service should carry the same properties, so that they share one cached
 * Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@Import(ServiceIntegrationTest.Support.class)
public @interface ServiceIntegrationTest {

  /** Properties of this test's context, as in {@link SpringBootTest#properties()}. */
  @AliasFor(annotation = SpringBootTest.class)
  String[] properties() default {};

  /** The zone of the pinned clock: it starts at 09:00 London time on {@code mhaqi.test.today}. */
  ZoneId LONDON = ZoneId.of("Europe/London");

  /** The beans a service integration test gets besides the service's own. */
  @TestConfiguration(proxyBeanMethods = false)
  class Support {

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
