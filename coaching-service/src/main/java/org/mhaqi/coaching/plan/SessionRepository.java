package org.mhaqi.coaching.plan;

import java.time.LocalDateTime;
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
}
