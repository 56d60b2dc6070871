package org.mhaqi.coaching.learningevent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mhaqi.coaching.learningevent.LearningEventRules.Draft;
import org.mhaqi.coaching.plan.PlanQueries;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.LearningEventAttended;
import org.mhaqi.events.coaching.LearningEventAudience;
import org.mhaqi.events.coaching.LearningEventFormat;
import org.mhaqi.events.coaching.LearningEventScheduled;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.RuleViolationException;
import org.mhaqi.support.workingdays.WorkingDays;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules learning events, records attendance per service, and finds the events of a service's or
 * a coach's calendar ({@code learning_event}, {@code learning_event_attendance}); each change
 * announced in the transaction that makes it.
 */
@Service
public class LearningEvents {

  private static final String COLUMNS =
      """
      e.id, e.title, e.format, e.starts_at, e.time_zone, e.duration_minutes, e.audience,
      e.phase_id, e.level, e.learning_network_invited, e.scheduled_at,
      (select count(*) from learning_event_attendance a where a.learning_event_id = e.id)
          as attending_services
      """;

  /** One service's recorded attendance of an event. */
  record Attendance(
      UUID learningEventId,
      UUID serviceId,
      UUID enrollmentId,
      int attendees,
      boolean livedExperiencePartnerTookPart,
      Instant recordedAt) {}

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final WorkingDays workingDays;
  private final ZoneId zone;
  private final Clock clock;

  LearningEvents(
      JdbcClient jdbc,
      ApplicationEventPublisher events,
      WorkingDays workingDays,
      PlanQueries plans,
      Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.workingDays = workingDays;
    this.zone = plans.zone();
    this.clock = clock;
  }

  @Transactional
  LearningEventView schedule(String title, Draft draft, boolean learningNetwork, String actor) {
    Instant now = clock.instant();
    LearningEventRules.requireSchedulable(draft, workingDays);
    if (draft.phaseId() != null && !phaseKnown(draft.phaseId())) {
      throw RuleViolationException.unprocessable(
          "unknown-phase", "phaseId", "No team is enrolled in phase " + draft.phaseId());
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into learning_event
                (id, title, format, starts_at, time_zone, duration_minutes, audience, phase_id,
                 level, learning_network_invited, scheduled_by, scheduled_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            title,
            draft.format().name(),
            Timestamp.valueOf(draft.startsAt()),
            zone.getId(),
            draft.durationMinutes(),
            draft.audience().name(),
            draft.phaseId(),
            draft.level() == null ? null : draft.level().name(),
            learningNetwork,
            actor,
            Timestamp.from(now))
        .update();
    events.publishEvent(
        new LearningEventScheduled(
            id,
            draft.format(),
            draft.startsAt(),
            zone.getId(),
            draft.durationMinutes(),
            draft.audience(),
            draft.phaseId(),
            draft.level(),
            learningNetwork,
            now));
    return event(id);
  }

  /**
   * Records that an invited service attended an event that has begun: once per service, under the
   * enrolment it was invited through (its latest plan not withdrawn that the audience takes in).
   */
  @Transactional
  Attendance attend(
      UUID learningEventId,
      UUID serviceId,
      int attendees,
      boolean livedExperiencePartnerTookPart,
      String actor) {
    LearningEventView event =
        jdbc.sql("select " + COLUMNS + " from learning_event e where e.id = ? for update of e")
            .param(learningEventId)
            .query(this::view)
            .optional()
            .orElseThrow(() -> new NotFoundException("learning event", learningEventId));
    Instant now = clock.instant();
    LearningEventRules.requireStarted(event.startsAtInstant(), now);
    record Plan(UUID enrollmentId, UUID phaseId) {}
    Plan plan =
        jdbc
            .sql(
                """
                select enrollment_id, phase_id from coaching_plan
                where service_id = ? and withdrawn_at is null
                order by created_at desc, id
                """)
            .param(serviceId)
            .query(
                (rs, n) ->
                    new Plan(
                        rs.getObject("enrollment_id", UUID.class),
                        rs.getObject("phase_id", UUID.class)))
            .list()
            .stream()
            .filter(
                p -> LearningEventRules.invitesTeam(event.audience(), event.phaseId(), p.phaseId()))
            .findFirst()
            .orElseThrow(
                () ->
                    RuleViolationException.unprocessable(
                        "not-invited",
                        "serviceId",
                        "Service " + serviceId + " has no coaching the event's audience takes in"));
    boolean recorded =
        jdbc.sql(
                "select exists (select 1 from learning_event_attendance"
                    + " where learning_event_id = ? and service_id = ?)")
            .params(learningEventId, serviceId)
            .query(Boolean.class)
            .single();
    if (recorded) {
      throw RuleViolationException.conflict(
          "already-recorded",
          "serviceId",
          "The service's attendance of this event is recorded already");
    }
    jdbc.sql(
            """
            insert into learning_event_attendance
                (learning_event_id, service_id, enrollment_id, attendees,
                 lived_experience_partner_took_part, recorded_by, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            learningEventId,
            serviceId,
            plan.enrollmentId(),
            attendees,
            livedExperiencePartnerTookPart,
            actor,
            Timestamp.from(now))
        .update();
    events.publishEvent(
        new LearningEventAttended(
            learningEventId,
            plan.enrollmentId(),
            serviceId,
            plan.phaseId(),
            event.format(),
            event.startsAt(),
            event.timeZone(),
            event.durationMinutes(),
            attendees,
            livedExperiencePartnerTookPart,
            now));
    return new Attendance(
        learningEventId,
        serviceId,
        plan.enrollmentId(),
        attendees,
        livedExperiencePartnerTookPart,
        now);
  }

  @Transactional(readOnly = true)
  LearningEventView event(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from learning_event e where e.id = ?")
        .param(id)
        .query(this::view)
        .optional()
        .orElseThrow(() -> new NotFoundException("learning event", id));
  }

  /** Every event, the soonest first. */
  @Transactional(readOnly = true)
  Page<LearningEventView> all(Pageable pageable) {
    long total = jdbc.sql("select count(*) from learning_event").query(Long.class).single();
    List<LearningEventView> page =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from learning_event e order by e.starts_at, e.id limit ? offset ?")
            .params(pageable.getPageSize(), pageable.getOffset())
            .query(this::view)
            .list();
    return new PageImpl<>(page, pageable, total);
  }

  /** The events that invite the service: through any of its plans not withdrawn. */
  @Transactional(readOnly = true)
  public List<LearningEventView> ofService(UUID serviceId) {
    List<UUID> phases =
        jdbc.sql(
                "select distinct phase_id from coaching_plan"
                    + " where service_id = ? and withdrawn_at is null")
            .param(serviceId)
            .query(UUID.class)
            .list();
    if (phases.isEmpty()) {
      return List.of();
    }
    return everything().stream()
        .filter(
            e ->
                phases.stream()
                    .anyMatch(p -> LearningEventRules.invitesTeam(e.audience(), e.phaseId(), p)))
        .toList();
  }

  /** The events that invite the coach ({@link LearningEventRules#invitesCoach}). */
  @Transactional(readOnly = true)
  public List<LearningEventView> ofCoach(UUID coachId) {
    record Levels(boolean executive, boolean service) {}
    Optional<Levels> levels =
        jdbc.sql(
                "select delivers_executive, delivers_service_delivery from coach"
                    + " where id = ? and erased_at is null")
            .param(coachId)
            .query(
                (rs, n) ->
                    new Levels(
                        rs.getBoolean("delivers_executive"),
                        rs.getBoolean("delivers_service_delivery")))
            .optional();
    if (levels.isEmpty()) {
      return List.of();
    }
    Set<UUID> phases =
        Set.copyOf(
            jdbc.sql(
                    """
                    select distinct p.phase_id from coaching_session s
                    join coaching_plan p on p.id = s.plan_id
                    where s.coach_id = ?
                    """)
                .param(coachId)
                .query(UUID.class)
                .list());
    Levels l = levels.get();
    return everything().stream()
        .filter(
            e ->
                LearningEventRules.invitesCoach(
                    e.audience(), e.phaseId(), e.level(), phases, l.executive(), l.service()))
        .toList();
  }

  private List<LearningEventView> everything() {
    return jdbc.sql("select " + COLUMNS + " from learning_event e order by e.starts_at, e.id")
        .query(this::view)
        .list();
  }

  private boolean phaseKnown(UUID phaseId) {
    return jdbc.sql("select exists (select 1 from coaching_plan where phase_id = ?)")
        .param(phaseId)
        .query(Boolean.class)
        .single();
  }

  private LearningEventView view(ResultSet rs, int row) throws SQLException {
    LocalDateTime startsAt = rs.getTimestamp("starts_at").toLocalDateTime();
    ZoneId eventZone = ZoneId.of(rs.getString("time_zone"));
    int minutes = rs.getInt("duration_minutes");
    String level = rs.getString("level");
    return new LearningEventView(
        rs.getObject("id", UUID.class),
        rs.getString("title"),
        LearningEventFormat.valueOf(rs.getString("format")),
        startsAt,
        startsAt.plusMinutes(minutes),
        eventZone.getId(),
        startsAt.atZone(eventZone).toInstant(),
        minutes,
        LearningEventAudience.valueOf(rs.getString("audience")),
        rs.getObject("phase_id", UUID.class),
        level == null ? null : CoachingLevel.valueOf(level),
        rs.getBoolean("learning_network_invited"),
        rs.getTimestamp("scheduled_at").toInstant(),
        rs.getLong("attending_services"));
  }
}
