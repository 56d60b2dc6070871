package org.mhaqi.coaching.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventTypes;
import org.mhaqi.events.Topics;
import org.mhaqi.events.coaching.CancellationCause;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.CoachingPlanCreated;
import org.mhaqi.events.coaching.RescheduleReason;
import org.mhaqi.events.coaching.SessionCancellationReason;
import org.mhaqi.events.coaching.SessionCancelled;
import org.mhaqi.events.coaching.SessionCompleted;
import org.mhaqi.events.coaching.SessionKind;
import org.mhaqi.events.coaching.SessionRescheduled;
import org.mhaqi.events.coaching.SessionScheduled;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.TeamRole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pins the wire identity and JSON shape of every event coaching-service publishes. */
class CoachingEventContractTest {

  static final UUID ENROLLMENT = UUID.fromString("00000000-0000-0000-0000-00000000e001");
  static final LocalDateTime TEN = LocalDateTime.of(2024, 10, 28, 10, 0);
  static final Instant NOW = Instant.parse("2024-09-01T08:00:00Z");

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void everyCoachingEventIsCatalogued_onCoachingEvents_keyedByEnrollment() {
    for (DomainEvent event : samples()) {
      var type = EventTypes.of(event.getClass());
      assertThat(EventTypes.byName(type.name())).contains(type);
      assertThat(type.topic()).isEqualTo(Topics.COACHING_EVENTS);
      // Version 2 of these two carries the reason as a code instead of words.
      int version =
          event instanceof SessionRescheduled || event instanceof SessionCancelled ? 2 : 1;
      assertThat(type.schemaVersion()).as(type.name()).isEqualTo(version);
      assertThat(type.name()).isEqualTo(event.getClass().getSimpleName());
      assertThat(event.subject()).isEqualTo(ENROLLMENT.toString());
    }
  }

  @Test
  void payloadsCarryIdsAndVocabularyWithWallClockTimes() {
    List<String> fields = new ArrayList<>();
    for (DomainEvent event : samples()) {
      JsonNode node = json.readTree(json.writeValueAsString(event));
      node.propertyNames().forEach(fields::add);
      if (node.has("startsAt")) {
        assertThat(node.get("startsAt").asString()).isEqualTo("2024-10-28T10:00:00");
        assertThat(node.get("timeZone").asString()).isEqualTo("Europe/London");
      }
    }
    assertThat(fields)
        .noneMatch(f -> f.toLowerCase().contains("name") || f.toLowerCase().contains("email"));
    JsonNode completed = json.readTree(json.writeValueAsString(samples().get(4)));
    assertThat(completed.propertyNames())
        .containsExactlyInAnyOrder(
            "sessionId",
            "planId",
            "enrollmentId",
            "serviceId",
            "phaseId",
            "level",
            "kind",
            "startsAt",
            "timeZone",
            "coachId",
            "plannedMinutes",
            "deliveredMinutes",
            "attendance",
            "attendees",
            "livedExperiencePartnerTookPart",
            "completedAt");
    assertThat(completed.get("attendance").get(0).propertyNames())
        .containsExactly("role", "count", "memberIds");
    assertThat(completed.get("level").asString())
        .isEqualTo("SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY");
  }

  static List<DomainEvent> samples() {
    UUID plan = UUID.randomUUID();
    UUID session = UUID.randomUUID();
    UUID service = UUID.randomUUID();
    UUID phase = UUID.randomUUID();
    UUID coach = UUID.randomUUID();
    var level = CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY;
    var kind = SessionKind.COACHING_SESSION;
    return List.of(
        new CoachingPlanCreated(
            plan,
            ENROLLMENT,
            service,
            phase,
            PhaseKind.WIDER_IMPLEMENTATION,
            LocalDate.of(2024, 9, 1),
            LocalDate.of(2025, 3, 31),
            38,
            0,
            NOW),
        new SessionScheduled(
            session,
            plan,
            ENROLLMENT,
            service,
            phase,
            level,
            kind,
            TEN,
            "Europe/London",
            60,
            coach,
            NOW),
        new SessionRescheduled(
            session,
            plan,
            ENROLLMENT,
            service,
            phase,
            level,
            kind,
            TEN.minusDays(1),
            TEN,
            "Europe/London",
            60,
            coach,
            coach,
            1,
            RescheduleReason.OTHER,
            NOW),
        new SessionCancelled(
            session,
            plan,
            ENROLLMENT,
            service,
            phase,
            level,
            kind,
            TEN,
            "Europe/London",
            60,
            coach,
            CancellationCause.REQUESTED,
            SessionCancellationReason.OTHER,
            NOW),
        new SessionCompleted(
            session,
            plan,
            ENROLLMENT,
            service,
            phase,
            level,
            kind,
            TEN,
            "Europe/London",
            coach,
            60,
            55,
            List.of(
                new SessionCompleted.RoleAttendance(
                    TeamRole.FRONTLINE_STAFF, 2, List.of(UUID.randomUUID()))),
            2,
            false,
            NOW));
  }
}
