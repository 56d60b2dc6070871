package org.mhaqi.coaching.coach;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mhaqi.coaching.scheduling.CoachProfile;
import org.mhaqi.events.coaching.CoachingLevel;

/**
 * A coach of the programme. The name and e-mail address are for the programme team and the coach
 * (whose token's e-mail address finds their record); events carry the coach's id only.
 */
@Entity
@Table(name = "coach")
public class Coach {

  @Id private UUID id;
  private String name;
  private String email;
  private boolean deliversExecutive;

  @Column(name = "delivers_service_delivery")
  private boolean deliversServiceDelivery;

  @Convert(converter = WorkingDaysConverter.class)
  private Set<DayOfWeek> workingDays;

  private int weeklyCapacityMinutes;
  private Instant createdAt;
  private Instant erasedAt;
  @Version private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "coach_day_away", joinColumns = @JoinColumn(name = "coach_id"))
  private Set<DayAway> daysAway = new HashSet<>();

  protected Coach() {}

  Coach(
      String name,
      String email,
      Set<CoachingLevel> levels,
      Set<DayOfWeek> workingDays,
      int weeklyCapacityMinutes,
      Instant now) {
    this.id = UUID.randomUUID();
    this.createdAt = now;
    update(name, email, levels, workingDays, weeklyCapacityMinutes);
  }

  void update(
      String name,
      String email,
      Set<CoachingLevel> levels,
      Set<DayOfWeek> workingDays,
      int weeklyCapacityMinutes) {
    this.name = name;
    this.email = email;
    this.deliversExecutive = levels.contains(CoachingLevel.EXECUTIVE);
    this.deliversServiceDelivery =
        levels.contains(CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY);
    this.workingDays = EnumSet.copyOf(workingDays);
    this.weeklyCapacityMinutes = weeklyCapacityMinutes;
  }

  void addDaysAway(Set<LocalDate> days, String reason) {
    Set<LocalDate> known = daysAway.stream().map(DayAway::day).collect(Collectors.toSet());
    days.stream()
        .filter(d -> !known.contains(d))
        .forEach(d -> daysAway.add(new DayAway(d, reason)));
  }

  /**
   * Forgets the person (name, e-mail address, the reasons of their days away), keeps the record the
   * plans refer to. Erasing twice changes nothing.
   */
  void erase(Instant now) {
    if (erasedAt == null) {
      name = null;
      email = null;
      Set<DayAway> kept =
          daysAway.stream().map(d -> new DayAway(d.day(), null)).collect(Collectors.toSet());
      daysAway.clear();
      daysAway.addAll(kept);
      erasedAt = now;
    }
  }

  /**
   * Whether this is the coach the e-mail address (a token's) names; an erased coach is no one's.
   */
  boolean isReachedAt(String address) {
    return address != null && email != null && email.equalsIgnoreCase(address.strip());
  }

  public boolean isErased() {
    return erasedAt != null;
  }

  void removeDaysAway(Set<LocalDate> days) {
    daysAway.removeIf(away -> days.contains(away.day()));
  }

  /** What the planner needs to know. */
  public CoachProfile profile() {
    return new CoachProfile(
        id,
        levels(),
        workingDays,
        weeklyCapacityMinutes,
        daysAway.stream().map(DayAway::day).collect(Collectors.toSet()));
  }

  public Set<CoachingLevel> levels() {
    return levels(deliversExecutive, deliversServiceDelivery);
  }

  /** The levels of a coach who delivers executive and/or service delivery coaching. */
  static Set<CoachingLevel> levels(boolean deliversExecutive, boolean deliversServiceDelivery) {
    Set<CoachingLevel> levels = EnumSet.noneOf(CoachingLevel.class);
    if (deliversExecutive) {
      levels.add(CoachingLevel.EXECUTIVE);
    }
    if (deliversServiceDelivery) {
      levels.add(CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY);
    }
    return levels;
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public Set<DayOfWeek> getWorkingDays() {
    return EnumSet.copyOf(workingDays);
  }

  public int getWeeklyCapacityMinutes() {
    return weeklyCapacityMinutes;
  }

  public Set<DayAway> getDaysAway() {
    return Set.copyOf(daysAway);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getErasedAt() {
    return erasedAt;
  }
}
