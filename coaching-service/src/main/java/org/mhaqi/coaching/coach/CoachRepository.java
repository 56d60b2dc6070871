package org.mhaqi.coaching.coach;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CoachRepository extends JpaRepository<Coach, UUID> {

  @EntityGraph(attributePaths = "daysAway")
  @Query("select c from Coach c order by c.name, c.id")
  List<Coach> findAllWithDaysAway();

  /** The coaches the planner may book: every one not erased. */
  @EntityGraph(attributePaths = "daysAway")
  @Query("select c from Coach c where c.erasedAt is null order by c.name, c.id")
  List<Coach> findStaffableWithDaysAway();

  @Query("select c.id from Coach c where lower(c.email) = lower(:email) and c.erasedAt is null")
  List<UUID> findIdsByEmail(String email);
}
