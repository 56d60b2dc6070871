package org.mhaqi.notification.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.coaching.CancellationCause;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionCancelled;
import org.mhaqi.events.coaching.SessionKind;
import org.mhaqi.events.coaching.SessionRescheduled;
import org.mhaqi.events.coaching.SessionScheduled;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.events.enrollment.ServiceWaitlisted;
import org.mhaqi.events.evaluation.DataReturnOverdue;
import org.mhaqi.events.evaluation.SignalRule;
import org.mhaqi.events.evaluation.SignalVariation;
import org.mhaqi.events.evaluation.SpecialCauseDetected;
import org.mhaqi.testing.CloudEventProducer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Events in, e-mails out through a real SMTP server: each notice to the contacts whose scope and
 * preferences call for it, invitations that calendars update in place, nothing lost while the
 * server is away and nothing sent twice.
 */
class NotificationMailIT extends IntegrationTest {

  @Autowired MeterRegistry meters;

  @Test
  void anAdmissionGoesToTheOrganisationsAndServicesContactsWhoChoseEnrolmentDecisions() {
    String ods = uniqueOdsCode();
    UUID serviceId = registeredService(ods, "Crisis Team North");
    String lead = address("lead");
    String serviceLead = address("service");
    String sessionsOnly = address("sessions");
    String otherOrganisation = address("other");
    contact(organisationContact(lead, ods, Set.of("ENROLLMENT_DECISIONS")));
    contact(serviceContact(serviceLead, serviceId, Set.of("ENROLLMENT_DECISIONS", "DATA_RETURNS")));
    contact(serviceContact(sessionsOnly, serviceId, Set.of("SESSION_INVITATIONS")));
    contact(
        organisationContact(otherOrganisation, uniqueOdsCode(), Set.of("ENROLLMENT_DECISIONS")));

    UUID eventId = enrollmentService().send(enrolled(serviceId, ods, false));
    awaitProcessed(eventId);

    MimeMessage toLead = awaitOne(lead);
    MimeMessage toServiceLead = awaitOne(serviceLead);
    assertThat(subject(toLead)).isEqualTo("Your service has a place on the MHA QI programme");
    assertThat(text(toLead))
        .contains("Dear " + lead)
        .contains("Crisis Team North has a place")
        .contains("Trust " + ods)
        .contains("/unsubscribe/");
    assertThat(html(toServiceLead)).contains("Crisis Team North").contains("Stop these e-mails");
    assertThat(TestSmtp.receivedBy(sessionsOnly)).isEmpty();
    assertThat(TestSmtp.receivedBy(otherOrganisation)).isEmpty();
  }

  @Test
  void aSessionsInvitationIsUpdatedInPlaceAndCancelled() {
    String ods = uniqueOdsCode();
    UUID serviceId = registeredService(ods, "Perinatal Team");
    UUID coachId = UUID.randomUUID();
    String team = address("team");
    String coach = address("coach");
    contact(serviceContact(team, serviceId, Set.of("SESSION_INVITATIONS")));
    contact(coachContact(coach, coachId, Set.of("SESSION_INVITATIONS")));
    UUID sessionId = UUID.randomUUID();
    LocalDateTime first = LocalDateTime.of(2026, 7, 7, 10, 0);
    LocalDateTime moved = LocalDateTime.of(2026, 7, 9, 14, 0);

    coachingService().send(scheduled(sessionId, serviceId, coachId, first));
    Calendar booked = calendar(awaitMessages(team, 1).get(0));
    assertThat(calendar(awaitMessages(coach, 1).get(0)).toString()).contains("METHOD:REQUEST");
    coachingService().send(rescheduled(sessionId, serviceId, coachId, first, moved));
    List<MimeMessage> afterMove = awaitMessages(team, 2);
    Calendar update = calendar(afterMove.get(1));
    coachingService().send(cancelled(sessionId, serviceId, coachId, moved));
    Calendar cancel = calendar(awaitMessages(team, 3).get(2));

    assertThat(method(booked)).isEqualTo("REQUEST");
    assertThat(booked.getComponent("VTIMEZONE")).isPresent();
    assertThat(method(update)).isEqualTo("REQUEST");
    assertThat(method(cancel)).isEqualTo("CANCEL");
    assertThat(List.of(uid(booked), uid(update), uid(cancel)))
        .containsOnly(sessionId + "@coaching.mhaqi");
    assertThat(sequence(booked)).isLessThan(sequence(update));
    assertThat(sequence(update)).isLessThan(sequence(cancel));
    assertThat(event(update).getProperty(Property.DTSTART).orElseThrow().getValue())
        .isEqualTo("20260709T140000");
    assertThat(subject(afterMove.get(1)))
        .isEqualTo("Executive coaching session moved to Thursday 9 July 2026 at 14:00");
    assertThat(text(afterMove.get(1))).contains("It was on Tuesday 7 July 2026 at 10:00");
  }

  @Test
  void aSessionIsRemindedTheWorkingDayBeforeAndAgainWhenMoved() {
    String ods = uniqueOdsCode();
    UUID serviceId = registeredService(ods, "Forensic Team");
    UUID coachId = UUID.randomUUID();
    String team = address("reminded");
    contact(serviceContact(team, serviceId, Set.of("SESSION_REMINDERS")));
    // The next working day: its reminder is due today (or was on the last working day).
    LocalDate next = LocalDate.now(LONDON).plusDays(1);
    while (next.getDayOfWeek().getValue() > 5) {
      next = next.plusDays(1);
    }
    UUID sessionId = UUID.randomUUID();

    coachingService().send(scheduled(sessionId, serviceId, coachId, next.atTime(10, 0)));
    MimeMessage first = awaitOne(team);
    coachingService()
        .send(rescheduled(sessionId, serviceId, coachId, next.atTime(10, 0), next.atTime(15, 0)));
    MimeMessage again = awaitMessages(team, 2).get(1);

    assertThat(subject(first)).startsWith("Reminder: Executive coaching session").endsWith("10:00");
    assertThat(subject(again)).endsWith("15:00");
    assertThat(text(again)).contains("is coming up");
    // The invitations do not reach a contact who chose reminders only.
    assertThat(TestSmtp.receivedBy(team)).hasSize(2);
    assertThat(
            jdbc.sql("select reminded_at is not null from session_reminder where session_id = ?")
                .param(sessionId)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void anOverdueReturnAndASpecialCauseGoToWhoChoseThem() {
    String ods = uniqueOdsCode();
    UUID serviceId = registeredService(ods, "Older Adults Team");
    String dataManager = address("data");
    String qiLead = address("qi");
    contact(serviceContact(dataManager, serviceId, Set.of("DATA_RETURNS")));
    contact(serviceContact(qiLead, serviceId, Set.of("SPECIAL_CAUSES")));
    CloudEventProducer evaluationService = producer("evaluation-service");

    evaluationService.send(
        new DataReturnOverdue(
            UUID.randomUUID(),
            serviceId,
            "RESTRICTIVE_INTERVENTIONS",
            YearMonth.of(2026, 5),
            LocalDate.of(2026, 6, 15),
            Instant.now()));
    evaluationService.send(
        new SpecialCauseDetected(
            UUID.randomUUID(),
            serviceId,
            "RESTRICTIVE_INTERVENTIONS",
            UUID.randomUUID(),
            YearMonth.of(2026, 4),
            SignalRule.RUN_ON_ONE_SIDE,
            SignalVariation.SPECIAL_CAUSE_IMPROVEMENT,
            List.of(YearMonth.of(2026, 4)),
            "MAKING_DATA_COUNT",
            false,
            Instant.now(),
            null,
            null));

    MimeMessage overdue = awaitOne(dataManager);
    MimeMessage specialCause = awaitOne(qiLead);
    assertThat(subject(overdue)).isEqualTo("Your data return for May 2026 is overdue");
    assertThat(text(overdue)).contains("It was due on 15 June 2026");
    assertThat(subject(specialCause))
        .isEqualTo("A special cause on your RESTRICTIVE_INTERVENTIONS chart");
    assertThat(text(specialCause)).contains("in April 2026: an improvement");
  }

  @Test
  void whileTheMailServerIsAwayNothingIsLostAndARedeliveredEventSendsNothingTwice() {
    String ods = uniqueOdsCode();
    UUID serviceId = registeredService(ods, "Eating Disorders Team");
    String lead = address("outage");
    contact(serviceContact(lead, serviceId, Set.of("ENROLLMENT_DECISIONS")));
    ServiceWaitlisted waitlisted =
        new ServiceWaitlisted(UUID.randomUUID(), serviceId, UUID.randomUUID(), 3, Instant.now());
    UUID eventId = UUID.randomUUID();

    TestSmtp.stop();
    try {
      enrollmentService().send(enrollmentService().record(waitlisted, eventId));
      awaitProcessed(eventId);
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  jdbc.sql("select attempts from message where event_id = ?")
                          .param(eventId)
                          .query(Integer.class)
                          .single()
                      >= 2);
      // Meanwhile the queue's age shows (NotificationQueueStale reads it) and the retries count.
      assertThat(meters.get("notification.queue.oldest.age").gauge().value()).isPositive();
      assertThat(
              meters
                  .get("notification.messages.retried")
                  .tag("notice", "WAITLISTED")
                  .counter()
                  .count())
          .isPositive();
    } finally {
      TestSmtp.restart();
    }
    // The same event again, as after a consumer's crash before its offset was committed.
    enrollmentService().send(enrollmentService().record(waitlisted, eventId));

    MimeMessage message = awaitOne(lead);
    assertThat(text(message)).contains("on the waiting list, at number 3");
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                "SENT"
                    .equals(
                        jdbc.sql("select status from message where event_id = ?")
                            .param(eventId)
                            .query(String.class)
                            .single()));
    assertThat(
            jdbc.sql("select count(*) from message where event_id = ?")
                .param(eventId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(TestSmtp.receivedBy(lead)).hasSize(1);
  }

  @Test
  void erasureRemovesTheAddressFromTheSentMessagesLog() {
    String ods = uniqueOdsCode();
    UUID serviceId = registeredService(ods, "Community Team");
    String lead = address("erased");
    UUID contactId = contact(organisationContact(lead, ods, Set.of("ENROLLMENT_DECISIONS")));
    awaitProcessed(enrollmentService().send(enrolled(serviceId, ods, true)));
    assertThat(subject(awaitOne(lead)))
        .isEqualTo("Your service now has a place on the MHA QI programme");

    api.delete("/api/contacts/" + contactId).expect(204);

    assertThat(get("/api/contacts/{id}", contactId).status()).isEqualTo(404);
    assertThat(
            jdbc.sql(
                    "select count(*) from message where contact_id = ? and (recipient is not null"
                        + " or text_body is not null or html_body is not null)")
                .param(contactId)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from message where recipient = ? or text_body like ?")
                .params(lead, "%" + lead + "%")
                .query(Long.class)
                .single())
        .isZero();
  }

  private static String address(String who) {
    return who + "." + UUID.randomUUID() + "@example.nhs.uk";
  }

  private static ServiceEnrolled enrolled(UUID serviceId, String ods, boolean promoted) {
    return new ServiceEnrolled(
        UUID.randomUUID(),
        serviceId,
        UUID.randomUUID(),
        ods,
        ProviderType.NHS_TRUST,
        Region.LONDON,
        ServiceType.ADULT_ACUTE,
        UUID.randomUUID(),
        PhaseKind.WIDER_IMPLEMENTATION,
        LocalDate.of(2026, 7, 1),
        LocalDate.of(2027, 6, 30),
        promoted,
        Instant.now());
  }

  private static SessionScheduled scheduled(
      UUID sessionId, UUID serviceId, UUID coachId, LocalDateTime startsAt) {
    return new SessionScheduled(
        sessionId,
        UUID.randomUUID(),
        UUID.randomUUID(),
        serviceId,
        UUID.randomUUID(),
        CoachingLevel.EXECUTIVE,
        SessionKind.COACHING_SESSION,
        startsAt,
        "Europe/London",
        60,
        coachId,
        Instant.now());
  }

  private static SessionRescheduled rescheduled(
      UUID sessionId, UUID serviceId, UUID coachId, LocalDateTime from, LocalDateTime to) {
    return new SessionRescheduled(
        sessionId,
        UUID.randomUUID(),
        UUID.randomUUID(),
        serviceId,
        UUID.randomUUID(),
        CoachingLevel.EXECUTIVE,
        SessionKind.COACHING_SESSION,
        from,
        to,
        "Europe/London",
        60,
        coachId,
        coachId,
        1,
        null,
        Instant.now());
  }

  private static SessionCancelled cancelled(
      UUID sessionId, UUID serviceId, UUID coachId, LocalDateTime startsAt) {
    return new SessionCancelled(
        sessionId,
        UUID.randomUUID(),
        UUID.randomUUID(),
        serviceId,
        UUID.randomUUID(),
        CoachingLevel.EXECUTIVE,
        SessionKind.COACHING_SESSION,
        startsAt,
        "Europe/London",
        60,
        coachId,
        CancellationCause.values()[0],
        null,
        Instant.now());
  }

  private static MimeMessage awaitOne(String address) {
    return awaitMessages(address, 1).get(0);
  }

  /** Waits until the address has this many messages, and returns them in the order received. */
  private static List<MimeMessage> awaitMessages(String address, int count) {
    Awaitility.await().atMost(WAIT).until(() -> TestSmtp.receivedBy(address).size() >= count);
    List<MimeMessage> messages = TestSmtp.receivedBy(address);
    assertThat(messages).hasSize(count);
    return messages;
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(MimeMessage message) {
    return part(message, "text/plain");
  }

  private static String html(MimeMessage message) {
    return part(message, "text/html");
  }

  private static Calendar calendar(MimeMessage message) {
    try (InputStream in =
        new java.io.ByteArrayInputStream(
            part(message, "text/calendar").getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      return new CalendarBuilder().build(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParserException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String part(MimeMessage message, String type) {
    try {
      String found = find(message, type);
      assertThat(found).as("a %s part", type).isNotNull();
      return found;
    } catch (jakarta.mail.MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String find(Part part, String type)
      throws jakarta.mail.MessagingException, IOException {
    if (part.isMimeType(type)) {
      Object content = part.getContent();
      if (content instanceof String text) {
        return text;
      }
      try (InputStream in = (InputStream) content) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        String found = find(body, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static VEvent event(Calendar calendar) {
    return calendar.<VEvent>getComponent("VEVENT").orElseThrow();
  }

  private static String method(Calendar calendar) {
    return calendar.getProperty(Property.METHOD).orElseThrow().getValue();
  }

  private static String uid(Calendar calendar) {
    return event(calendar).getProperty(Property.UID).orElseThrow().getValue();
  }

  private static int sequence(Calendar calendar) {
    return Integer.parseInt(
        event(calendar).getProperty(Property.SEQUENCE).orElseThrow().getValue());
  }
}
