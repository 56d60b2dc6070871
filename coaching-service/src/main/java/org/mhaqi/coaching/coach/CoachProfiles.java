package org.mhaqi.coaching.coach;

import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mhaqi.coaching.scheduling.CoachProfile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the staffable coaches as the planner sees them, in one statement and past Hibernate: every
 * plan reads them all, and as entities they were loaded with all their days away and then
 * dirty-checked at every flush of the transaction.
 */
@Component
class CoachProfiles {

  private static final WorkingDaysConverter WORKING_DAYS = new WorkingDaysConverter();

  private final JdbcClient jdbc;

  CoachProfiles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every coach not erased, by name, with the days away from {@code from} until (before) {@code
   * until}.
   */
  List<CoachProfile> staffable(LocalDate from, LocalDate until) {
    return jdbc.sql(
            """
            select c.id, c.delivers_executive, c.delivers_service_delivery, c.working_days,
                   c.weekly_capacity_minutes,
                   array(select d.day from coach_day_away d
                         where d.coach_id = c.id and d.day >= ? and d.day < ?) as days_away
            from coach c
            where c.erased_at is null
            order by c.name, c.id
            """)
        .params(from, until)
        .query(
            (rs, n) ->
                new CoachProfile(
                    rs.getObject(1, UUID.class),
                    Coach.levels(rs.getBoolean(2), rs.getBoolean(3)),
                    WORKING_DAYS.convertToEntityAttribute(rs.getString(4)),
                    rs.getInt(5),
                    days(rs.getArray(6))))
        .list();
  }

  private static Set<LocalDate> days(Array array) throws java.sql.SQLException {
    return Arrays.stream((Date[]) array.getArray())
        .map(Date::toLocalDate)
        .collect(Collectors.toSet());
  }
}
