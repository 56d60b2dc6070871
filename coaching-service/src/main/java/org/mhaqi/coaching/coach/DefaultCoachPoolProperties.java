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
 */
@ConfigurationProperties("mhaqi.coaching.default-coach-pool")
public record DefaultCoachPoolProperties(
    @DefaultValue("true") boolean enabled, List<PoolCoach> coaches) {

  public DefaultCoachPoolProperties {
    coaches = coaches == null ? List.of() : List.copyOf(coaches);
  }

  /** One coach of the pool. */
  public record PoolCoach(
      String name,
      String email,
      Set<CoachingLevel> levels,
      @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"})
          Set<DayOfWeek> workingDays,
      @DefaultValue("30") int weeklyCapacityHours) {}
}
