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
import java.time.Duration;
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
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.events.enrollment.ServiceWaitlisted;
import org.mhaqi.events.enrollment.WithdrawalReason;
import org.mhaqi.events.evaluation.DataReturnOverdue;
import org.mhaqi.events.evaluation.DataReturnSubmitted;
import org.mhaqi.events.evaluation.SignalRule;
import org.mhaqi.events.evaluation.SignalVariation;
import org.mhaqi.events.evaluation.SpecialCauseDetected;
import org.mhaqi.notification.programme.WeeklyDigest;
import org.mhaqi.support.workingdays.WorkingDays;
import org.mhaqi.testing.CloudEventProducer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Events in, e-mails out through a real SMTP server: each notice to the contacts whose scope and
 * preferences call for it, invitations that calendars update in place, nothing lost while the
 * server is away and nothing sent twice.
 */
class NotificationMailIT extends IntegrationTest {

  @Autowired MeterRegistry meters;
  @Autowired WeeklyDigest digest;

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
    coachingService().send(rescheduled(sessionId, serviceId, coachId, coachId, first, moved));
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
    LocalDate next = WorkingDays.englandAndWales().plus(today(), 1);
    UUID sessionId = UUID.randomUUID();

    coachingService().send(scheduled(sessionId, serviceId, coachId, next.atTime(10, 0)));
    MimeMessage first = awaitOne(team);
    coachingService()
        .send(
            rescheduled(
                sessionId, serviceId, coachId, coachId, next.atTime(10, 0), next.atTime(15, 0)));
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
  void aSessionThatChangesCoachLeavesThePreviousCoachsCalendarAndJoinsTheNewOnes() {
    String ods = uniqueOdsCode();
    UUID serviceId = registeredService(ods, "Rehabilitation Team");
    UUID previousCoachId = UUID.randomUUID();
    UUID newCoachId = UUID.randomUUID();
    String team = address("team");
    String previousCoach = address("previous");
    String newCoach = address("new");
    contact(serviceContact(team, serviceId, Set.of("SESSION_INVITATIONS")));
    contact(coachContact(previousCoach, previousCoachId, Set.of("SESSION_INVITATIONS")));
    contact(coachContact(newCoach, newCoachId, Set.of("SESSION_INVITATIONS")));
    UUID sessionId = UUID.randomUUID();
    LocalDateTime at = LocalDateTime.of(2027, 1, 12, 10, 0);

    coachingService().send(scheduled(sessionId, serviceId, previousCoachId, at));
    Calendar booked = calendar(awaitOne(previousCoach));
    coachingService().send(rescheduled(sessionId, serviceId, previousCoachId, newCoachId, at, at));

    List<MimeMessage> toPrevious = awaitMessages(previousCoach, 2);
    Calendar cancel = calendar(toPrevious.get(1));
    Calendar request = calendar(awaitOne(newCoach));
    Calendar teamUpdate = calendar(awaitMessages(team, 2).get(1));

    assertThat(method(booked)).isEqualTo("REQUEST");
    assertThat(method(cancel)).isEqualTo("CANCEL");
    assertThat(method(request)).isEqualTo("REQUEST");
    assertThat(method(teamUpdate)).isEqualTo("REQUEST");
    assertThat(List.of(uid(booked), uid(cancel), uid(request), uid(teamUpdate)))
        .containsOnly(sessionId + "@coaching.mhaqi");
    assertThat(sequence(cancel)).isGreaterThan(sequence(booked)).isEqualTo(sequence(request));
    assertThat(sequence(teamUpdate)).isEqualTo(sequence(request));
    assertThat(subject(toPrevious.get(1)))
        .isEqualTo(
            "Executive coaching session passed to another coach: Tuesday 12 January 2027 at 10:00");
    assertThat(text(toPrevious.get(1))).contains("You no longer need to attend");
    // Its reminder goes to the new coach.
    assertThat(
            jdbc.sql("select coach_id from session_reminder where session_id = ?")
                .param(sessionId)
                .query(UUID.class)
                .single())
        .isEqualTo(newCoachId);
  }

  @Test
  void aSessionsReminderMovesWithTheSessionOverBankHolidaysAndGoesWithItsCancellation() {
    String ods = uniqueOdsCode();
    UUID serviceId = registeredService(ods, "Learning Disability Team");
    UUID coachId = UUID.randomUUID();
    String team = address("moving");
    contact(serviceContact(team, serviceId, Set.of("SESSION_REMINDERS")));
    UUID sessionId = UUID.randomUUID();
    LocalDateTime tuesday = LocalDateTime.of(2027, 1, 5, 10, 0);
    LocalDateTime afterChristmas = LocalDateTime.of(2026, 12, 29, 10, 0);

    awaitProcessed(coachingService().send(scheduled(sessionId, serviceId, coachId, tuesday)));
    assertThat(remindOn(sessionId)).isEqualTo("2027-01-04");
    awaitProcessed(
        coachingService()
            .send(rescheduled(sessionId, serviceId, coachId, coachId, tuesday, afterChristmas)));
    // Monday 28 December (Boxing Day's substitute) and Christmas Day are bank holidays.
    assertThat(remindOn(sessionId)).isEqualTo("2026-12-24");
    assertThat(TestSmtp.receivedBy(team)).isEmpty();
    awaitProcessed(
        coachingService().send(cancelled(sessionId, serviceId, coachId, afterChristmas)));
    assertThat(
            jdbc.sql("select count(*) from session_reminder where session_id = ?")
                .param(sessionId)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anEnrolledServiceIsToldFiveWorkingDaysAheadThatItsReturnsAreDueUnlessItHasBegunThem() {
    String ods = uniqueOdsCode();
    UUID owing = registeredService(ods, "Adult Acute Ward");
    UUID begun = registeredService(ods, "PICU Ward");
    UUID withdrawn = registeredService(ods, "Secure Ward");
    String owingLead = address("owing");
    String begunLead = address("begun");
    String withdrawnLead = address("withdrawn");
    contact(serviceContact(owingLead, owing, Set.of("DATA_RETURNS")));
    contact(serviceContact(begunLead, begun, Set.of("DATA_RETURNS")));
    contact(serviceContact(withdrawnLead, withdrawn, Set.of("DATA_RETURNS")));
    Instant october = Instant.parse("2026-10-01T09:00:00Z");
    CloudEventProducer evaluationService = producer("evaluation-service");

    // The service that has begun November's returns, and the one that withdrew, first: the
    // reminder round runs all the while.
    awaitProcessed(
        evaluationService.send(
            new DataReturnSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                begun,
                "RESTRICTIVE_INTERVENTIONS",
                YearMonth.of(2026, 11),
                1,
                false,
                Instant.now())));
    awaitProcessed(enrollmentService().send(enrolled(begun, ods, october)));
    UUID withdrawnEnrolment = UUID.randomUUID();
    awaitProcessed(
        enrollmentService()
            .send(
                new EnrollmentWithdrawn(
                    withdrawnEnrolment,
                    withdrawn,
                    UUID.randomUUID(),
                    "ENROLLED",
                    WithdrawalReason.OTHER,
                    Instant.now())));
    awaitProcessed(
        enrollmentService().send(enrolled(withdrawnEnrolment, withdrawn, ods, october, false)));
    awaitProcessed(enrollmentService().send(enrolled(owing, ods, october)));

    MimeMessage due = awaitOne(owingLead);
    assertThat(subject(due))
        .isEqualTo("Your data returns for November 2026 are due on Sunday 20 December 2026");
    assertThat(text(due)).contains("Adult Acute Ward's data returns").contains("five working days");
    // Once, whatever rounds follow; nobody else.
    Awaitility.await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
    assertThat(TestSmtp.receivedBy(owingLead)).hasSize(1);
    assertThat(TestSmtp.receivedBy(begunLead)).isEmpty();
    assertThat(TestSmtp.receivedBy(withdrawnLead)).isEmpty();
  }

  @Test
  void theCentralTeamsWeeklyDigestListsUnstaffedSessionsOverdueReturnsAndTheWaitingListOnce() {
    String ods = uniqueOdsCode();
    UUID unstaffed = registeredService(ods, "Unstaffed Ward " + ods);
    UUID late = registeredService(ods, "Late Ward " + ods);
    UUID waiting = registeredService(ods, "Waiting Ward " + ods);
    String centralTeam = address("central");
    contact(
        """
        {"name": "Central team", "email": "%s", "scope": "CENTRAL_TEAM",
         "kinds": ["WEEKLY_DIGEST"]}
        """
            .formatted(centralTeam));
    CloudEventProducer evaluationService = producer("evaluation-service");

    awaitProcessed(
        coachingService()
            .send(
                scheduled(
                    UUID.randomUUID(), unstaffed, null, LocalDateTime.of(2027, 1, 12, 10, 0))));
    awaitProcessed(evaluationService.send(overdue(late, "RESTRICTIVE_INTERVENTIONS", 10)));
    // Overdue, then submitted: no longer listed.
    awaitProcessed(evaluationService.send(overdue(late, "DETENTIONS", 9)));
    awaitProcessed(
        evaluationService.send(
            new DataReturnSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                late,
                "DETENTIONS",
                YearMonth.of(2026, 9),
                1,
                false,
                Instant.now())));
    awaitProcessed(
        enrollmentService()
            .send(
                new ServiceWaitlisted(
                    UUID.randomUUID(), waiting, UUID.randomUUID(), 1, Instant.now())));

    assertThat(digest.writeThisWeek()).isPositive();
    assertThat(digest.writeThisWeek()).as("once a week").isZero();

    MimeMessage message = awaitOne(centralTeam);
    assertThat(subject(message)).isEqualTo("Weekly digest for the week of 14 December 2026");
    assertThat(text(message))
        .contains(
            "Tuesday 12 January 2027 at 10:00: Executive coaching session, Unstaffed Ward " + ods)
        .contains("Late Ward " + ods + ": RESTRICTIVE_INTERVENTIONS for October 2026")
        .doesNotContain("DETENTIONS")
        .contains(": Waiting Ward " + ods + ", waiting since");
    assertThat(html(message)).contains("Sessions without a coach").contains("Waiting Ward " + ods);
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
          .until(() -> messageOf(eventId, "attempts", Integer.class) >= 2);
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
        .until(() -> "SENT".equals(messageOf(eventId, "status", String.class)));
    assertThat(messageOf(eventId, "count(*)", Long.class)).isEqualTo(1);
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

  /** One column (or aggregate) of the message an event called for. */
  private <T> T messageOf(UUID eventId, String column, Class<T> type) {
    return jdbc.sql("select " + column + " from message where event_id = ?")
        .param(eventId)
        .query(type)
        .single();
  }

  private LocalDate remindOn(UUID sessionId) {
    return jdbc.sql("select remind_on from session_reminder where session_id = ?")
        .param(sessionId)
        .query(LocalDate.class)
        .single();
  }

  private static String address(String who) {
    return who + "." + UUID.randomUUID() + "@example.nhs.uk";
  }

  private static ServiceEnrolled enrolled(UUID serviceId, String ods, boolean promoted) {
    return enrolled(UUID.randomUUID(), serviceId, ods, Instant.now(), promoted);
  }

  private static ServiceEnrolled enrolled(UUID serviceId, String ods, Instant enrolledAt) {
    return enrolled(UUID.randomUUID(), serviceId, ods, enrolledAt, false);
  }

  private static DataReturnOverdue overdue(UUID serviceId, String measure, int month) {
    return new DataReturnOverdue(
        UUID.randomUUID(),
        serviceId,
        measure,
        YearMonth.of(2026, month),
        YearMonth.of(2026, month).atEndOfMonth().plusDays(20),
        Instant.now());
  }

  private static ServiceEnrolled enrolled(
      UUID enrollmentId, UUID serviceId, String ods, Instant enrolledAt, boolean promoted) {
    return new ServiceEnrolled(
        enrollmentId,
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
        enrolledAt);
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
      UUID sessionId,
      UUID serviceId,
      UUID previousCoachId,
      UUID coachId,
      LocalDateTime from,
      LocalDateTime to) {
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
        previousCoachId,
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
