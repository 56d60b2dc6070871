package org.mhaqi.coaching.plan;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.support.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SessionRepository extends JpaRepository<CoachingSession, UUID> {

  /** The session, or 404 for the API. */
  default CoachingSession existing(UUID sessionId) {
    return findById(sessionId).orElseThrow(() -> new NotFoundException("session", sessionId));
  }

  @Query(
      """
      select s from CoachingSession s join fetch s.plan
      where s.coachId = :coachId and s.startsAt >= :from and s.startsAt < :until
      order by s.startsAt, s.id
      """)
  List<CoachingSession> findByCoach(UUID coachId, LocalDateTime from, LocalDateTime until);

  @Query(
      """
      select s from CoachingSession s join fetch s.plan
      where s.coachId is null and s.status = org.mhaqi.coaching.plan.SessionStatus.SCHEDULED
      order by s.startsAt, s.id
      """)
  List<CoachingSession> findUnstaffed();

  /** One page of a coach's sessions, in the order the pageable gives. */
  @Query(
      value =
          """
          select s from CoachingSession s join fetch s.plan
          where s.coachId = :coachId and s.startsAt >= :from and s.startsAt < :until
          """,
      countQuery =
          """
          select count(s) from CoachingSession s
          where s.coachId = :coachId and s.startsAt >= :from and s.startsAt < :until
          """)
  Page<CoachingSession> findByCoach(
      UUID coachId, LocalDateTime from, LocalDateTime until, Pageable pageable);

  /** One page of the unstaffed scheduled sessions, in the order the pageable gives. */
  @Query(
      value =
          """
          select s from CoachingSession s join fetch s.plan
          where s.coachId is null and s.status = org.mhaqi.coaching.plan.SessionStatus.SCHEDULED
          """,
      countQuery =
          """
          select count(s) from CoachingSession s
          where s.coachId is null and s.status = org.mhaqi.coaching.plan.SessionStatus.SCHEDULED
          """)
  Page<CoachingSession> findUnstaffed(Pageable pageable);

  @Query(
      """
      select count(s) from CoachingSession s
      where s.coachId is null and s.status = org.mhaqi.coaching.plan.SessionStatus.SCHEDULED
        and s.level = :level
      """)
  long countUnstaffed(CoachingLevel level);

  @Query(
      """
      select count(s) from CoachingSession s
      where s.coachId is null and s.status = org.mhaqi.coaching.plan.SessionStatus.SCHEDULED
      """)
  long countUnstaffed();

  /**
   * The plans' sessions counted as {@link SessionTally#of} counts them, one row per plan that has
   * sessions: a list of plans needs these figures, not thousands of sessions loaded to count them.
   */
  @Query(
      """
      select new org.mhaqi.coaching.plan.SessionTally(s.plan.id,
        count(*) filter (where s.status = org.mhaqi.coaching.plan.SessionStatus.SCHEDULED),
        count(*) filter (where s.status = org.mhaqi.coaching.plan.SessionStatus.SCHEDULED
                           and s.coachId is null),
        count(*) filter (where s.status = org.mhaqi.coaching.plan.SessionStatus.CANCELLED),
        count(*) filter (where s.status = org.mhaqi.coaching.plan.SessionStatus.COMPLETED),
        coalesce(sum(s.durationMinutes) filter (
          where s.level = org.mhaqi.events.coaching.CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY
            and s.status <> org.mhaqi.coaching.plan.SessionStatus.CANCELLED), 0L))
      from CoachingSession s
      where s.plan.id in :planIds
      group by s.plan.id
      """)
  List<SessionTally> tallies(Collection<UUID> planIds);
}
