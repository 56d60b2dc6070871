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
}
