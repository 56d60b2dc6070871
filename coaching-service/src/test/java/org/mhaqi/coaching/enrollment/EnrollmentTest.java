package org.mhaqi.coaching.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.enrollment.ProjectTeamUpdated;
import org.mhaqi.events.enrollment.TeamRole;

/** Coaching's view of an enrolment: its first day of coaching, its end, and its newest team. */
class EnrollmentTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** Wednesday 1 July 2026 to Thursday 31 December 2026. */
  static final LocalDate FIRST = LocalDate.of(2026, 7, 1);

  static final LocalDate LAST = LocalDate.of(2026, 12, 31);

  /** Monday 31 August 2026 is the summer bank holiday. */
  static final Predicate<LocalDate> WORKING_DAY =
      day ->
          day.getDayOfWeek() != DayOfWeek.SATURDAY
              && day.getDayOfWeek() != DayOfWeek.SUNDAY
              && !Set.of(LocalDate.of(2026, 8, 31)).contains(day);

  static Enrollment enrolledAt(String instant) {
    return EnrollmentFixtures.enrolled(FIRST, LAST, Instant.parse(instant));
  }

  static LocalDate firstDay(Enrollment enrollment) {
    return enrollment.firstCoachingDay(LONDON, WORKING_DAY);
  }

  @Test
  void enrolledBeforeTheWindowIsCoachedFromItsFirstDay() {
    assertThat(firstDay(enrolledAt("2026-05-01T09:00:00Z"))).isEqualTo(FIRST);
    assertThat(firstDay(enrolledAt("2026-06-30T22:59:59Z"))).as("23:59:59 BST").isEqualTo(FIRST);
  }

  @Test
  void enrolledOnTheWindowsFirstDayIsCoachedFromTheNextWorkingDay() {
    assertThat(firstDay(enrolledAt("2026-06-30T23:00:00Z")))
        .as("midnight BST on 1 July")
        .isEqualTo(FIRST.plusDays(1));
  }

  @Test
  void promotedPartWayIsCoachedFromTheNextWorkingDayAfterThePromotion() {
    assertThat(firstDay(enrolledAt("2026-09-15T10:00:00Z"))).isEqualTo(LocalDate.of(2026, 9, 16));
    assertThat(firstDay(enrolledAt("2026-09-18T10:00:00Z")))
        .as("a Friday: the Monday after")
        .isEqualTo(LocalDate.of(2026, 9, 21));
    assertThat(firstDay(enrolledAt("2026-08-28T16:00:00Z")))
        .as("the Friday before the bank holiday: the Tuesday")
        .isEqualTo(LocalDate.of(2026, 9, 1));
    assertThat(firstDay(enrolledAt("2026-09-18T23:30:00Z")))
        .as("Saturday 00:30 in London though Friday in UTC")
        .isEqualTo(LocalDate.of(2026, 9, 21));
  }

  @Test
  void promotedOnTheLastDayOrAfterTheWindowHasNoDayOfCoachingLeft() {
    assertThat(firstDay(enrolledAt("2026-12-31T10:00:00Z"))).isAfter(LAST);
    assertThat(firstDay(enrolledAt("2027-02-01T10:00:00Z"))).isAfter(LAST);
    assertThat(firstDay(enrolledAt("2026-12-30T10:00:00Z"))).isEqualTo(LAST);
  }

  @Test
  void anEnrollmentNotYetAnnouncedHasNoFirstDay() {
    Enrollment unknown = new Enrollment(UUID.randomUUID());
    assertThat(unknown.firstCoachingDay(LONDON, WORKING_DAY)).isNull();
    assertThat(unknown.isEnrolled()).isFalse();
  }

  @Test
  void theFirstWithdrawalAndTheFirstCompletionCount() {
    Enrollment enrollment = enrolledAt("2026-05-01T09:00:00Z");
    Instant first = Instant.parse("2026-09-01T09:00:00Z");
    Instant second = Instant.parse("2026-10-01T09:00:00Z");

    assertThat(enrollment.isCompleted()).isFalse();
    assertThat(enrollment.completed(first)).isTrue();
    assertThat(enrollment.completed(second)).isFalse();
    assertThat(enrollment.getCompletedAt()).isEqualTo(first);
    assertThat(enrollment.isCompleted()).isTrue();

    assertThat(enrollment.isWithdrawn()).isFalse();
    assertThat(enrollment.withdrawn(first, "closed")).isTrue();
    assertThat(enrollment.withdrawn(second, "again")).isFalse();
    assertThat(enrollment.getWithdrawnAt()).isEqualTo(first);
    assertThat(enrollment.getWithdrawalReason()).isEqualTo("closed");
  }

  static final Instant T = Instant.parse("2026-09-01T09:00:00Z");

  @Test
  void withRevisionsOnBothSidesOnlyAHigherRevisionSupersedesWhateverTheClocks() {
    assertThat(Enrollment.supersedes(3L, T.minusSeconds(60), 2L, T)).isTrue();
    assertThat(Enrollment.supersedes(2L, T.plusSeconds(60), 2L, T)).isFalse();
    assertThat(Enrollment.supersedes(1L, T.plusSeconds(60), 2L, T)).isFalse();
  }

  @Test
  void withoutARevisionOnEitherSideTheTimeOfTheUpdateDecides() {
    assertThat(Enrollment.supersedes(null, T.minusMillis(1), null, T)).isFalse();
    assertThat(Enrollment.supersedes(null, T, null, T)).isTrue();
    assertThat(Enrollment.supersedes(null, T.plusMillis(1), null, T)).isTrue();
    assertThat(Enrollment.supersedes(null, T.plusMillis(1), 5L, T)).isTrue();
    assertThat(Enrollment.supersedes(null, T.minusMillis(1), 5L, T)).isFalse();
    assertThat(Enrollment.supersedes(1L, T.minusMillis(1), null, T)).isFalse();
    assertThat(Enrollment.supersedes(1L, T.plusMillis(1), null, T)).isTrue();
  }

  @Test
  void theFirstTeamIsAlwaysApplied() {
    assertThat(Enrollment.supersedes(null, T, null, null)).isTrue();
    assertThat(Enrollment.supersedes(1L, T, null, null)).isTrue();
  }

  @Test
  void teamUpdatesKeepTheHighestRevisionAndAnUpdateWithoutOneDoesNotForgetIt() {
    Enrollment enrollment = new Enrollment(UUID.randomUUID());
    UUID lead = UUID.randomUUID();
    UUID staff = UUID.randomUUID();

    assertThat(enrollment.teamUpdated(team(enrollment, lead, T, 2L), Set.of())).isTrue();
    assertThat(enrollment.getTeamRevision()).isEqualTo(2L);
    assertThat(enrollment.getTeamUpdatedAt()).isEqualTo(T);

    assertThat(enrollment.teamUpdated(team(enrollment, staff, T.plusSeconds(60), 1L), Set.of()))
        .isFalse();
    assertThat(enrollment.roleOf(lead)).contains(TeamRole.SERVICE_LEAD);
    assertThat(enrollment.roleOf(staff)).isEmpty();

    assertThat(enrollment.teamUpdated(team(enrollment, staff, T.plusSeconds(60), null), Set.of()))
        .isTrue();
    assertThat(enrollment.getTeamRevision()).isEqualTo(2L);
    assertThat(enrollment.team()).extracting(TeamMember::memberId).containsExactly(staff);

    assertThat(enrollment.teamUpdated(team(enrollment, lead, T.minusSeconds(60), 3L), Set.of()))
        .isTrue();
    assertThat(enrollment.getTeamRevision()).isEqualTo(3L);
    assertThat(enrollment.team())
        .extracting(TeamMember::role)
        .containsExactly(TeamRole.SERVICE_LEAD);
  }

  @Test
  void anErasedMemberLeavesTheTeamAndNoLaterUpdateBringsThemBack() {
    Enrollment enrollment = new Enrollment(UUID.randomUUID());
    UUID erased = UUID.randomUUID();
    enrollment.teamUpdated(team(enrollment, erased, T, 1L), Set.of());

    assertThat(enrollment.memberErased(erased)).isTrue();
    assertThat(enrollment.memberErased(erased)).isFalse();
    assertThat(enrollment.team()).isEmpty();

    assertThat(
            enrollment.teamUpdated(team(enrollment, erased, T.plusSeconds(1), 2L), Set.of(erased)))
        .isTrue();
    assertThat(enrollment.team()).isEmpty();
    assertThat(enrollment.getTeamRevision()).isEqualTo(2L);
  }

  private static ProjectTeamUpdated team(
      Enrollment enrollment, UUID member, Instant at, Long revision) {
    return new ProjectTeamUpdated(
        enrollment.getId(),
        UUID.randomUUID(),
        List.of(new ProjectTeamUpdated.Member(member, TeamRole.SERVICE_LEAD)),
        at,
        revision);
  }
}
