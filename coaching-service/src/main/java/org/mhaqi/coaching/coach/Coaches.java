package org.mhaqi.coaching.coach;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.mhaqi.coaching.redaction.Redactions;
import org.mhaqi.coaching.scheduling.CoachProfile;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.support.security.Caller;
import org.mhaqi.support.security.Callers;
import org.mhaqi.support.security.Role;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.Paging;
import org.mhaqi.support.web.RuleViolationException;
import org.mhaqi.support.web.SupportedDates;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coach use cases: register, read, record days away, erase. A coach reaches only their own record
 * (found by their token's e-mail address); another coach's is not found for them.
 */
@Service
@Transactional
public class Coaches {

  /** The longest stretch of days away recorded at once. */
  static final int MAX_DAYS_AWAY = 366;

  private final CoachRepository coaches;
  private final CoachCommitments commitments;
  private final CoachProfiles profiles;
  private final RosterLock rosterLock;
  private final Redactions redactions;
  private final Clock clock;

  Coaches(
      CoachRepository coaches,
      CoachCommitments commitments,
      CoachProfiles profiles,
      RosterLock rosterLock,
      Redactions redactions,
      Clock clock) {
    this.coaches = coaches;
    this.commitments = commitments;
    this.profiles = profiles;
    this.rosterLock = rosterLock;
    this.redactions = redactions;
    this.clock = clock;
  }

  public Coach register(
      String name,
      String email,
      Set<CoachingLevel> levels,
      Set<DayOfWeek> workingDays,
      int weeklyCapacityMinutes) {
    requireWeekdays(workingDays);
    return coaches.save(
        new Coach(
            name.strip(),
            email == null ? null : email.strip(),
            levels,
            workingDays,
            weeklyCapacityMinutes,
            clock.instant()));
  }

  /**
   * Records days away from {@code from} to {@code to}. Refused when the coach already has sessions
   * on any of them: those are rescheduled or reassigned first, so no session is left with an absent
   * coach. Holds the roster lock, as booking does, so a booking cannot land on a day between the
   * check and the record.
   */
  public Coach addDaysAway(UUID coachId, LocalDate from, LocalDate to, String reason) {
    List<LocalDate> days = range(from, to);
    Coach coach = mine(coachId);
    rosterLock.lock();
    List<LocalDate> busy = commitments.daysWithSessions(coachId, days);
    if (!busy.isEmpty()) {
      throw RuleViolationException.conflict(
          "coach-has-sessions",
          "from",
          "Coach "
              + coachId
              + " has sessions on "
              + busy
              + "; reschedule or reassign them before recording the days away");
    }
    coach.addDaysAway(new TreeSet<>(days), reason == null ? null : reason.strip());
    return coaches.save(coach);
  }

  public Coach removeDaysAway(UUID coachId, LocalDate from, LocalDate to) {
    List<LocalDate> days = range(from, to);
    Coach coach = mine(coachId);
    coach.removeDaysAway(new TreeSet<>(days));
    return coaches.save(coach);
  }

  @Transactional(readOnly = true)
  public Coach coach(UUID id) {
    return coaches.findById(id).orElseThrow(() -> new NotFoundException("coach", id));
  }

  /**
   * The coach named in the path when the caller may act for them: an administrator for any coach, a
   * coach for their own record. For anyone else it does not exist (404, not 403: the id tells them
   * nothing).
   */
  @Transactional(readOnly = true)
  public Coach mine(UUID id) {
    Coach coach = coach(id);
    Caller caller = Callers.current();
    if (!caller.isAdmin() && !(caller.has(Role.COACH) && coach.isReachedAt(caller.email()))) {
      throw new NotFoundException("coach", id);
    }
    return coach;
  }

  /**
   * The ids of the coach records the caller's token e-mail address names (none for non-coaches).
   */
  @Transactional(readOnly = true)
  public Set<UUID> callersCoachIds() {
    Caller caller = Callers.current();
    if (!caller.has(Role.COACH) || caller.email() == null) {
      return Set.of();
    }
    return Set.copyOf(coaches.findIdsByEmail(caller.email()));
  }

  /**
   * Erases the coach's name and e-mail address and the reasons of their days away, and redacts the
   * name and address wherever coaching keeps free text (session change reasons, recorded actors).
   * The record stays, for the plans that name its id, but is never staffed again. Erasing twice
   * changes nothing more.
   */
  public Coach erase(UUID id) {
    Coach coach = coach(id);
    List<String> person =
        Stream.of(coach.getName(), coach.getEmail()).filter(Objects::nonNull).toList();
    rosterLock.lock();
    coach.erase(clock.instant());
    Coach erased = coaches.saveAndFlush(coach);
    person.forEach(redactions::redactPerson);
    return erased;
  }

  /** A coach named in a request body: unknown is invalid content (422) on that field. */
  @Transactional(readOnly = true)
  public Coach coach(UUID id, String field) {
    return coaches.findById(id).orElseThrow(() -> new NotFoundException("coach", id, field));
  }

  @Transactional(readOnly = true)
  public List<Coach> all() {
    return coaches.findAllWithDaysAway();
  }

  /** One page of coaches by name, the id breaking ties. */
  @Transactional(readOnly = true)
  public Page<Coach> all(Pageable pageable) {
    return coaches.findAll(Paging.inOrder(pageable, Sort.by("name", "id")));
  }

  /** Every coach the planner may book (erased ones never), as the planner sees them. */
  @Transactional(readOnly = true)
  public List<CoachProfile> profiles() {
    return coaches.findStaffableWithDaysAway().stream().map(Coach::profile).toList();
  }

  /**
   * The staffable coaches as {@link #profiles()} has them, with only their days away from {@code
   * from} until (before) {@code until}: what a planning decision over those days needs, read
   * without loading the coaches as entities.
   */
  public List<CoachProfile> profiles(LocalDate from, LocalDate until) {
    return profiles.staffable(from, until);
  }

  public long count() {
    return coaches.count();
  }

  static List<LocalDate> range(LocalDate from, LocalDate to) {
    requireSupported(from, "from");
    requireSupported(to, "to");
    if (to.isBefore(from)) {
      throw RuleViolationException.unprocessable(
          "invalid-range",
          "to",
          "The last day away (" + to + ") is before the first (" + from + ")");
    }
    if (from.plusDays(MAX_DAYS_AWAY).isBefore(to)) {
      throw RuleViolationException.unprocessable(
          "invalid-range", "to", "Days away are recorded at most " + MAX_DAYS_AWAY + " at a time");
    }
    return from.datesUntil(to.plusDays(1)).toList();
  }

  /**
   * Requests arrive range-checked (service-support reads dates only inside the supported ones);
   * this keeps the date arithmetic below safe for any caller, and names the field.
   */
  private static void requireSupported(LocalDate day, String field) {
    if (!SupportedDates.contains(day)) {
      throw new RuleViolationException(
          HttpStatus.BAD_REQUEST,
          "date-out-of-range",
          field,
          field + " " + day + " is outside the supported dates, " + SupportedDates.RANGE);
    }
  }

  private static void requireWeekdays(Set<DayOfWeek> days) {
    if (days.contains(DayOfWeek.SATURDAY) || days.contains(DayOfWeek.SUNDAY)) {
      throw RuleViolationException.unprocessable(
          "weekend-working-day",
          "workingDays",
          "Sessions are held on working days only: a coach's working days are Monday to Friday");
    }
  }
}
