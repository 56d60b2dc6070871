package org.mhaqi.notification.contact;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.mhaqi.notification.directory.ServiceDirectory;
import org.mhaqi.support.security.Caller;
import org.mhaqi.support.security.Callers;
import org.mhaqi.support.security.Role;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contacts and who may manage which: an administrator (the central team) every contact, a trust
 * member their organisation's and its services', a coach the contacts with their own e-mail
 * address. Another's contact is a 404, as everywhere on the platform.
 */
@Service
public class Contacts {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern ODS_CODE = Pattern.compile("^[A-Z0-9]{3,5}$");

  /** What a caller asks to create. */
  public record NewContact(
      String name,
      String email,
      ContactScope scope,
      String odsCode,
      UUID serviceId,
      UUID coachId,
      Set<MessageKind> kinds) {}

  private final JdbcClient jdbc;
  private final ServiceDirectory directory;
  private final Clock clock;

  Contacts(JdbcClient jdbc, ServiceDirectory directory, Clock clock) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.clock = clock;
  }

  @Transactional
  public Contact create(NewContact request) {
    Caller caller = Callers.current();
    String name = required(request.name(), "name", 200);
    String email = required(request.email(), "email", 320).strip();
    if (!EMAIL.matcher(email).matches()) {
      throw RuleViolationException.unprocessable(
          "invalid-email", "email", "email must be an e-mail address, such as a.b@nhs.net");
    }
    if (request.scope() == null) {
      throw RuleViolationException.unprocessable(
          "missing-field",
          "scope",
          "scope is required: ORGANISATION, SERVICE, COACH or CENTRAL_TEAM");
    }
    if (request.kinds() == null || request.kinds().isEmpty()) {
      throw RuleViolationException.unprocessable(
          "missing-field", "kinds", "kinds must name at least one kind of message");
    }
    String odsCode = null;
    UUID serviceId = null;
    UUID coachId = null;
    switch (request.scope()) {
      case ORGANISATION -> {
        odsCode = required(request.odsCode(), "odsCode", 5).toUpperCase(Locale.ROOT);
        if (!ODS_CODE.matcher(odsCode).matches()) {
          throw RuleViolationException.unprocessable(
              "invalid-ods-code", "odsCode", "odsCode must be an ODS code, such as RX4");
        }
      }
      case SERVICE -> {
        serviceId = requiredId(request.serviceId(), "serviceId");
        odsCode =
            directory.service(serviceId).map(ServiceDirectory.ServiceEntry::odsCode).orElse(null);
      }
      case COACH -> coachId = requiredId(request.coachId(), "coachId");
      case CENTRAL_TEAM -> {}
    }
    if (!mayManage(caller, request.scope(), odsCode, email)) {
      throw new RuleViolationException(
          HttpStatus.FORBIDDEN,
          "not-your-contact",
          "scope",
          switch (request.scope()) {
            case ORGANISATION, SERVICE ->
                "A trust member adds contacts of their own organisation and its known services only";
            case COACH -> "A coach adds contacts with their own e-mail address only";
            case CENTRAL_TEAM -> "Only the central team adds central team contacts";
          });
    }
    Contact contact =
        new Contact(
            UUID.randomUUID(),
            name,
            email,
            request.scope(),
            odsCode,
            serviceId,
            coachId,
            EnumSet.copyOf(request.kinds()),
            clock.instant(),
            null);
    jdbc.sql(
            """
            insert into contact (id, name, email, scope, ods_code, service_id, coach_id, kinds, created_at)
            values (:id, :name, :email, :scope, :ods, :service, :coach, cast(:kinds as text[]), :at)
            """)
        .param("id", contact.id())
        .param("name", contact.name())
        .param("email", contact.email())
        .param("scope", contact.scope().name())
        .param("ods", contact.odsCode())
        .param("service", contact.serviceId())
        .param("coach", contact.coachId())
        .param("kinds", arrayLiteral(contact.kinds()))
        .param("at", Timestamp.from(contact.createdAt()))
        .update();
    return contact;
  }

  /** The caller's contacts, by name. */
  @Transactional(readOnly = true)
  public List<Contact> visible() {
    Caller caller = Callers.current();
    return jdbc.sql(
            """
            select * from contact
             where cast(:admin as boolean)
                or (cast(:ods as text) is not null and ods_code = :ods)
                or (cast(:email as text) is not null and scope = 'COACH' and lower(email) = lower(:email))
             order by name, id
            """)
        .param("admin", caller.isAdmin())
        .param("ods", caller.has(Role.TRUST_MEMBER) ? caller.odsCodeFilter() : null)
        .param("email", caller.has(Role.COACH) ? caller.email() : null)
        .query(Contacts::contact)
        .list();
  }

  @Transactional(readOnly = true)
  public Contact get(UUID id) {
    return visibleOne(id);
  }

  /** Replaces the kinds of message the contact receives. */
  @Transactional
  public Contact changeKinds(UUID id, Set<MessageKind> kinds) {
    if (kinds == null || kinds.isEmpty()) {
      throw RuleViolationException.unprocessable(
          "missing-field", "kinds", "kinds must name at least one kind of message");
    }
    visibleOne(id);
    jdbc.sql("update contact set kinds = cast(:kinds as text[]) where id = :id")
        .param("kinds", arrayLiteral(EnumSet.copyOf(kinds)))
        .param("id", id)
        .update();
    return visibleOne(id);
  }

  /**
   * Erases the contact: the row goes, and its sent messages keep only what they were about (no
   * address, no body); its queued messages are withdrawn.
   */
  @Transactional
  public void erase(UUID id) {
    visibleOne(id);
    jdbc.sql(
            """
            update message
               set recipient = null, text_body = null, html_body = null, calendar = null,
                   status = case when status = 'QUEUED' then 'WITHDRAWN' else status end
             where contact_id = ?
            """)
        .param(id)
        .update();
    jdbc.sql("delete from contact where id = ?").param(id).update();
  }

  /**
   * Stops every message to the contact, by their unsubscribe link; true the first time. Queued
   * messages are withdrawn.
   */
  @Transactional
  public boolean unsubscribe(UUID id) {
    int changed =
        jdbc.sql("update contact set unsubscribed_at = ? where id = ? and unsubscribed_at is null")
            .params(Timestamp.from(clock.instant()), id)
            .update();
    jdbc.sql("update message set status = 'WITHDRAWN' where contact_id = ? and status = 'QUEUED'")
        .param(id)
        .update();
    return changed > 0;
  }

  /**
   * The subscribed contacts for a kind of message about a service and its coach: the service's, its
   * organisation's and the coach's. Either id may be null.
   */
  @Transactional(readOnly = true)
  public List<Contact> recipients(MessageKind kind, UUID serviceId, String odsCode, UUID coachId) {
    return jdbc.sql(
            """
            select * from contact
             where unsubscribed_at is null and :kind = any(kinds)
               and ((scope = 'SERVICE' and service_id = :service)
                 or (scope = 'ORGANISATION' and ods_code = upper(:ods))
                 or (scope = 'COACH' and coach_id = :coach))
             order by id
            """)
        .param("kind", kind.name())
        .param("service", serviceId)
        .param("ods", odsCode)
        .param("coach", coachId)
        .query(Contacts::contact)
        .list();
  }

  /** The subscribed central team contacts for a kind of message. */
  @Transactional(readOnly = true)
  public List<Contact> centralTeam(MessageKind kind) {
    return jdbc.sql(
            """
            select * from contact
             where unsubscribed_at is null and :kind = any(kinds) and scope = 'CENTRAL_TEAM'
             order by id
            """)
        .param("kind", kind.name())
        .query(Contacts::contact)
        .list();
  }

  private Contact visibleOne(UUID id) {
    Caller caller = Callers.current();
    return jdbc.sql("select * from contact where id = ?")
        .param(id)
        .query(Contacts::contact)
        .optional()
        .filter(c -> mayManage(caller, c.scope(), c.odsCode(), c.email()))
        .orElseThrow(() -> new NotFoundException("contact", id));
  }

  private static boolean mayManage(
      Caller caller, ContactScope scope, String odsCode, String email) {
    if (caller.isAdmin()) {
      return true;
    }
    return switch (scope) {
      case ORGANISATION, SERVICE ->
          caller.has(Role.TRUST_MEMBER) && odsCode != null && caller.maySee(odsCode);
      case COACH ->
          caller.has(Role.COACH)
              && caller.email() != null
              && caller.email().equalsIgnoreCase(email);
      case CENTRAL_TEAM -> false;
    };
  }

  private static String required(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      throw RuleViolationException.unprocessable("missing-field", field, field + " is required");
    }
    if (value.length() > maxLength) {
      throw RuleViolationException.unprocessable(
          "too-long", field, field + " is longer than " + maxLength + " characters");
    }
    return value.strip();
  }

  private static UUID requiredId(UUID value, String field) {
    if (value == null) {
      throw RuleViolationException.unprocessable("missing-field", field, field + " is required");
    }
    return value;
  }

  private static String arrayLiteral(Set<MessageKind> kinds) {
    return kinds.stream()
        .map(Enum::name)
        .sorted()
        .collect(java.util.stream.Collectors.joining(",", "{", "}"));
  }

  private static Contact contact(ResultSet rs, int row) throws SQLException {
    Array kinds = rs.getArray("kinds");
    Set<MessageKind> kindSet = EnumSet.noneOf(MessageKind.class);
    Arrays.stream((String[]) kinds.getArray()).map(MessageKind::valueOf).forEach(kindSet::add);
    Timestamp unsubscribed = rs.getTimestamp("unsubscribed_at");
    return new Contact(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("email"),
        ContactScope.valueOf(rs.getString("scope")),
        rs.getString("ods_code"),
        rs.getObject("service_id", UUID.class),
        rs.getObject("coach_id", UUID.class),
        kindSet,
        rs.getTimestamp("created_at").toInstant(),
        unsubscribed == null ? null : unsubscribed.toInstant());
  }
}
