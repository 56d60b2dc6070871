package org.mhaqi.notification.message;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.mhaqi.notification.contact.Contact;
import org.mhaqi.notification.contact.Contacts;
import org.mhaqi.notification.contact.NotificationProperties;
import org.mhaqi.notification.contact.UnsubscribeLinks;
import org.mhaqi.notification.directory.ServiceDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes the messages an event calls for, in the transaction that marks the event consumed: one row
 * per subscribed contact, each written out in full (subject, plain text, HTML, invitation) so that
 * the sender only sends. A redelivered event adds nothing (processed_event, and the row's
 * uniqueness on event, contact and notice).
 */
@Component
public class Messages {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);

  /** A coaching session as its event describes it. */
  public record Session(
      UUID sessionId,
      String summary,
      LocalDateTime startsAt,
      String timeZone,
      int minutes,
      LocalDateTime previousStartsAt,
      int revision) {}

  private final JdbcClient jdbc;
  private final Contacts contacts;
  private final ServiceDirectory directory;
  private final UnsubscribeLinks unsubscribeLinks;
  private final TemplateEngine templates;
  private final NotificationProperties properties;
  private final Clock clock;

  Messages(
      JdbcClient jdbc,
      Contacts contacts,
      ServiceDirectory directory,
      UnsubscribeLinks unsubscribeLinks,
      TemplateEngine templates,
      NotificationProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.contacts = contacts;
    this.directory = directory;
    this.unsubscribeLinks = unsubscribeLinks;
    this.templates = templates;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Writes the notice about a service to its contacts, its organisation's and (when given) the
   * coach's.
   *
   * @param facts what the templates say besides the service and the recipient
   * @return how many messages were written
   */
  public int notify(
      UUID eventId, Notice notice, UUID serviceId, UUID coachId, Map<String, Object> facts) {
    return notify(eventId, notice, serviceId, coachId, facts, null);
  }

  /** Writes a session's notice with its calendar invitation. */
  public int notifySession(
      UUID eventId, Notice notice, UUID serviceId, UUID coachId, Session session) {
    return notify(eventId, notice, serviceId, coachId, sessionFacts(session), session);
  }

  /**
   * Writes a moved session's invitation (METHOD:REQUEST) to the service's, its organisation's and
   * the new coach's contacts; when the session changed coach, the previous coach's contacts get a
   * METHOD:CANCEL of the same SEQUENCE, so that it leaves their calendar.
   */
  public int notifySessionMoved(
      UUID eventId, UUID serviceId, UUID coachId, UUID previousCoachId, Session session) {
    ServiceDirectory.ServiceEntry service = service(serviceId);
    List<Contact> recipients =
        contacts.recipients(Notice.SESSION_MOVED.kind(), serviceId, service.odsCode(), coachId);
    List<Contact> previousCoach =
        previousCoachId == null || previousCoachId.equals(coachId)
            ? List.of()
            : contacts.recipients(Notice.SESSION_REASSIGNED.kind(), null, null, previousCoachId);
    if (recipients.isEmpty() && previousCoach.isEmpty()) {
      return 0;
    }
    int sequence = nextSequence(Notice.SESSION_MOVED, session);
    Map<String, Object> facts = sessionFacts(session);
    return write(eventId, Notice.SESSION_MOVED, service, recipients, facts, session, sequence)
        + write(
            eventId, Notice.SESSION_REASSIGNED, service, previousCoach, facts, session, sequence);
  }

  /**
   * Writes a notice about the whole programme to the central team's contacts who chose its kind.
   *
   * @return how many messages were written
   */
  public int notifyCentralTeam(UUID eventId, Notice notice, Map<String, Object> facts) {
    List<Contact> recipients = contacts.centralTeam(notice.kind());
    if (recipients.isEmpty()) {
      return 0;
    }
    return write(
        eventId,
        notice,
        new ServiceDirectory.ServiceEntry(null, null, null, null),
        recipients,
        facts,
        null,
        null);
  }

  /** Writes a session's reminder: no invitation, the calendar has it already. */
  public int remind(UUID reminderId, UUID serviceId, UUID coachId, Session session) {
    return notify(
        reminderId, Notice.SESSION_REMINDER, serviceId, coachId, sessionFacts(session), null);
  }

  private static Map<String, Object> sessionFacts(Session session) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("summary", session.summary());
    facts.put("when", WHEN.format(session.startsAt()));
    facts.put("minutes", session.minutes());
    facts.put(
        "previousWhen",
        session.previousStartsAt() == null ? null : WHEN.format(session.previousStartsAt()));
    return facts;
  }

  private int notify(
      UUID eventId,
      Notice notice,
      UUID serviceId,
      UUID coachId,
      Map<String, Object> facts,
      Session session) {
    ServiceDirectory.ServiceEntry service = service(serviceId);
    List<Contact> recipients =
        contacts.recipients(notice.kind(), serviceId, service.odsCode(), coachId);
    if (recipients.isEmpty()) {
      return 0;
    }
    Integer sequence = session == null ? null : nextSequence(notice, session);
    return write(eventId, notice, service, recipients, facts, session, sequence);
  }

  private ServiceDirectory.ServiceEntry service(UUID serviceId) {
    return directory
        .service(serviceId)
        .orElse(new ServiceDirectory.ServiceEntry(serviceId, null, null, null));
  }

  private int write(
      UUID eventId,
      Notice notice,
      ServiceDirectory.ServiceEntry service,
      List<Contact> recipients,
      Map<String, Object> facts,
      Session session,
      Integer sequence) {
    Instant now = clock.instant();
    int written = 0;
    for (Contact contact : recipients) {
      Map<String, Object> model = new HashMap<>(facts);
      model.put("notice", notice.name());
      model.put("name", contact.name());
      model.put("serviceName", service.serviceName());
      model.put("organisationName", service.organisationName());
      model.put("unsubscribeUrl", unsubscribeLinks.linkFor(contact.id()));
      Context context = new Context(Locale.UK, model);
      String base = "mail/" + notice.template();
      String calendar = null;
      String method = null;
      if (session != null) {
        method = notice.cancelsInvitation() ? Invitation.CANCEL : Invitation.REQUEST;
        calendar =
            new Invitation(
                    method,
                    session.sessionId(),
                    sequence,
                    session.startsAt(),
                    ZoneId.of(session.timeZone()),
                    session.minutes(),
                    session.summary(),
                    fromAddress(),
                    contact.email(),
                    now)
                .render();
      }
      written +=
          jdbc.sql(
                  """
                  insert into message (id, event_id, contact_id, notice, recipient, subject,
                                       text_body, html_body, calendar, calendar_method, status,
                                       created_at, next_attempt_at)
                  values (:id, :event, :contact, :notice, :recipient, :subject, :text, :html,
                          :calendar, :method, 'QUEUED', :now, :now)
                  on conflict (event_id, contact_id, notice) do nothing
                  """)
              .param("id", UUID.randomUUID())
              .param("event", eventId)
              .param("contact", contact.id())
              .param("notice", notice.name())
              .param("recipient", contact.email())
              .param("subject", templates.process(base + ".subject.txt", context).strip())
              .param("text", templates.process(base + ".txt", context))
              .param("html", templates.process(base + ".html", context))
              .param("calendar", calendar)
              .param("method", method)
              .param("now", Timestamp.from(now))
              .update();
    }
    return written;
  }

  /**
   * The invitation's next SEQUENCE: 0 when first booked, then one more with each change (at least
   * the session's revision, so that it never falls behind coaching-service's feed).
   */
  private int nextSequence(Notice notice, Session session) {
    int atLeast = notice == Notice.SESSION_BOOKED ? 0 : Math.max(session.revision(), 1);
    return jdbc.sql(
            """
            insert into session_invitation (session_id, sequence, updated_at)
            values (:session, :atLeast, :now)
            on conflict (session_id) do update
               set sequence = greatest(session_invitation.sequence + 1, excluded.sequence),
                   updated_at = excluded.updated_at
            returning sequence
            """)
        .param("session", session.sessionId())
        .param("atLeast", atLeast)
        .param("now", Timestamp.from(clock.instant()))
        .query(Integer.class)
        .single();
  }

  private String fromAddress() {
    try {
      return new InternetAddress(properties.from()).getAddress();
    } catch (AddressException e) {
      throw new IllegalStateException("mhaqi.notification.from is not an address", e);
    }
  }
}
