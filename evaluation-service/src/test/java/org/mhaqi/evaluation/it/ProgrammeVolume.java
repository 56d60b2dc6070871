package org.mhaqi.evaluation.it;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mhaqi.evaluation.engagement.SessionEvents;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventTypes;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.CoachingPlanCreated;
import org.mhaqi.events.coaching.SessionKind;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.local.KafkaSecurity;
import org.mhaqi.testing.CloudEventProducer;
import tools.jackson.databind.json.JsonMapper;

/** A programme's enrolment and coaching events for the benchmarks, published as the services do. */
final class ProgrammeVolume {

  private ProgrammeVolume() {}

  /**
   * Publishes a programme's events the way the services would: per enrolment its ServiceEnrolled,
   * its plan and 38 sessions; of the sessions about 60% delivered, 10% cancelled, 10% moved once.
   *
   * @return how many events
   */
  static long publish(String bootstrapServers, JsonMapper json, String prefix, int enrolments) {
    Random random = new Random(enrolments);
    CloudEventProducer envelopes = new CloudEventProducer(bootstrapServers, json, "benchmark");
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers);
    props.putAll(KafkaSecurity.clientConfig(KafkaSecurity.ADMIN));
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", ByteArraySerializer.class.getName());
    props.put("acks", "all");
    props.put("linger.ms", "20");
    props.put("batch.size", Integer.toString(256 * 1024));
    props.put("compression.type", "none");
    long count = 0;
    UUID phaseId = UUID.randomUUID();
    Region[] regions = Region.values();
    try (envelopes;
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
      for (int i = 0; i < enrolments; i++) {
        ServiceEnrolled enrolled =
            new ServiceEnrolled(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "R" + (char) ('A' + i % 26) + (char) ('A' + (i / 26) % 26),
                ProviderType.NHS_TRUST,
                regions[i % regions.length],
                ServiceType.ADULT_ACUTE,
                phaseId,
                PhaseKind.WIDER_IMPLEMENTATION,
                LocalDate.of(2024, 9, 1),
                LocalDate.of(2025, 3, 31),
                false,
                Instant.parse("2024-07-15T09:00:00Z"));
        count += send(producer, envelopes, prefix, enrolled);
        UUID planId = UUID.nameUUIDFromBytes(enrolled.enrollmentId().toString().getBytes());
        count +=
            send(
                producer,
                envelopes,
                prefix,
                new CoachingPlanCreated(
                    planId,
                    enrolled.enrollmentId(),
                    enrolled.serviceId(),
                    phaseId,
                    PhaseKind.WIDER_IMPLEMENTATION,
                    enrolled.coachingStartsOn(),
                    enrolled.coachingEndsOn(),
                    EngagementRebuildBenchmarkIT.SESSIONS_PER_ENROLMENT,
                    0,
                    Instant.parse("2024-07-15T09:01:00Z")));
        for (int s = 0; s < EngagementRebuildBenchmarkIT.SESSIONS_PER_ENROLMENT; s++) {
          boolean executive = s % 5 == 0;
          SessionEvents session =
              new SessionEvents(
                  UUID.randomUUID(),
                  planId,
                  enrolled.enrollmentId(),
                  enrolled.serviceId(),
                  phaseId,
                  executive
                      ? CoachingLevel.EXECUTIVE
                      : CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY,
                  s % 5 == 1 ? SessionKind.IMPROVEMENT_DAY : SessionKind.COACHING_SESSION,
                  s % 5 == 1 ? 480 : 60);
          LocalDateTime at = SessionEvents.TEN_AM.plusDays(s * 5L);
          count += send(producer, envelopes, prefix, session.scheduled());
          int outcome = random.nextInt(10);
          if (outcome == 0) {
            count += send(producer, envelopes, prefix, session.rescheduled(1, at, at.plusDays(1)));
          } else if (outcome == 1) {
            count += send(producer, envelopes, prefix, session.cancelled(at, SessionEvents.T0));
          } else if (outcome < 8) {
            count +=
                send(
                    producer,
                    envelopes,
                    prefix,
                    session.completed(
                        at,
                        session.plannedMinutes(),
                        random.nextInt(6),
                        random.nextBoolean(),
                        SessionEvents.T0.plusSeconds(s)));
          }
        }
      }
      producer.flush();
    }
    return count;
  }

  private static int send(
      KafkaProducer<String, byte[]> producer,
      CloudEventProducer envelopes,
      String prefix,
      DomainEvent event) {
    ProducerRecord<String, byte[]> record = envelopes.record(event, UUID.randomUUID());
    producer.send(
        new ProducerRecord<>(
            prefix + EventTypes.of(event.getClass()).topic(),
            null,
            record.key(),
            record.value(),
            record.headers()));
    return 1;
  }
}
