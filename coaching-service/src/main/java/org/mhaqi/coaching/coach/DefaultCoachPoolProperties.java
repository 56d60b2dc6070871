package org.mhaqi.coaching.coach;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;
import org.mhaqi.events.coaching.CoachingLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The coaches a new installation starts with ({@code mhaqi.coaching.default-coach-pool.*}), so that
 * plans generated right after start-up are staffed. Registered only while the service has no coach
 * at all; afterwards coaches are managed through the API.
 *
 * @param enabled whether an installation without coaches registers the pool
 * @param coaches the coaches registered
 */
@ConfigurationProperties("mhaqi.coaching.default-coach-pool")
public record DefaultCoachPoolProperties(
    @DefaultValue("true") boolean enabled, List<PoolCoach> coaches) {

  public DefaultCoachPoolProperties {
    coaches = coaches == null ? List.of() : List.copyOf(coaches);
  }

  /**
   * One coach of the pool.
   *
   * @param name the coach's name
   * @param email where the coach signs in from (the token's {@code email}); none for a coach who
   *     never signs in
   * @param levels the coaching levels the coach delivers
   * @param workingDays the weekdays the coach works
   * @param weeklyCapacityHours hours of sessions a week at most (a full improvement day counts 8)
   */
  public record PoolCoach(
      String name,
      String email,
      Set<CoachingLevel> levels,
      @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"})
          Set<DayOfWeek> workingDays,
      @DefaultValue("30") int weeklyCapacityHours) {}
}
