package org.mhaqi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The beans @ServiceIntegrationTest adds: an Api, and a clock pinned only when asked. */
class ServiceIntegrationTestSupportTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(ServiceIntegrationTest.Support.class);

  @Test
  void thePinnedClockShowsTheGivenDayFromNineInLondonAndTicks() throws InterruptedException {
    runner
        .withPropertyValues("mhaqi.test.today=2026-06-01")
        .run(
            context -> {
              Clock clock = context.getBean(Clock.class);
              ZonedDateTime first = clock.instant().atZone(ServiceIntegrationTest.LONDON);
              assertThat(first.toLocalDate()).isEqualTo(LocalDate.of(2026, 6, 1));
              assertThat(first.toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(9, 1));
              Thread.sleep(5);
              assertThat(Duration.between(first.toInstant(), clock.instant()))
                  .as("time goes on")
                  .isPositive();
            });
  }

  @Test
  void withoutADayTheServiceKeepsItsOwnClock() {
    runner.run(
        context -> {
          assertThat(context).doesNotHaveBean(Clock.class);
          assertThat(context).hasSingleBean(Api.class);
        });
  }
}
