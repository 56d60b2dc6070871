package org.mhaqi.notification.messaging;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.events.enrollment.EnrollmentDeclined;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceWaitlisted;
import org.mhaqi.notification.directory.ServiceDirectory;
import org.mhaqi.notification.message.Messages;
import org.mhaqi.notification.message.Notice;
import org.mhaqi.notification.programme.ProgrammeLedger;
import org.mhaqi.support.messaging.EventEnvelope;
import org.mhaqi.support.messaging.PoisonEventException;
import org.springframework.stereotype.Component;

/**
 * Writes the enrolment decisions to the service's and its organisation's contacts, and keeps the
 * ledger of enrolments owing returns and of the waiting list.
 */
@Component
class EnrollmentEventHandler {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final Messages messages;
  private final ServiceDirectory directory;
  private final ProgrammeLedger ledger;

  EnrollmentEventHandler(Messages messages, ServiceDirectory directory, ProgrammeLedger ledger) {
    this.messages = messages;
    this.directory = directory;
    this.ledger = ledger;
  }

  void enrolled(ServiceEnrolled event, EventEnvelope envelope) {
    if (event.serviceId() == null || event.enrolledAt() == null) {
      throw new PoisonEventException(envelope + " lacks the service or the time");
    }
    // The event names the service's organisation: the directory learns it here too.
    directory.serviceEnrolled(
        event.serviceId(), event.organisationId(), event.odsCode(), event.enrolledAt());
    if (event.enrollmentId() != null) {
      ledger.enrolled(event.enrollmentId(), event.serviceId(), event.enrolledAt());
    }
    Map<String, Object> facts = new HashMap<>();
    facts.put("coachingStartsOn", date(event.coachingStartsOn()));
    facts.put("coachingEndsOn", date(event.coachingEndsOn()));
    messages.notify(
        envelope.id(),
        event.promotedFromWaitlist() ? Notice.PROMOTED : Notice.ADMITTED,
        event.serviceId(),
        null,
        facts);
  }

  void waitlisted(ServiceWaitlisted event, EventEnvelope envelope) {
    requireService(event.serviceId(), envelope);
    if (event.enrollmentId() != null && event.waitlistedAt() != null) {
      ledger.waitlisted(
          event.enrollmentId(),
          event.serviceId(),
          event.phaseId(),
          event.waitlistPosition(),
          event.waitlistedAt());
    }
    messages.notify(
        envelope.id(),
        Notice.WAITLISTED,
        event.serviceId(),
        null,
        Map.of("waitlistPosition", event.waitlistPosition()));
  }

  void declined(EnrollmentDeclined event, EventEnvelope envelope) {
    requireService(event.serviceId(), envelope);
    if (event.enrollmentId() != null) {
      ledger.declined(event.enrollmentId());
    }
    messages.notify(
        envelope.id(),
        Notice.DECLINED,
        event.serviceId(),
        null,
        Map.of("learningNetwork", event.learningNetwork()));
  }

  void withdrawn(EnrollmentWithdrawn event, EventEnvelope envelope) {
    requireService(event.serviceId(), envelope);
    if (event.enrollmentId() != null && event.withdrawnAt() != null) {
      ledger.withdrawn(event.enrollmentId(), event.serviceId(), event.withdrawnAt());
    }
    messages.notify(envelope.id(), Notice.WITHDRAWN, event.serviceId(), null, Map.of());
  }

  /** No message: the enrolment stops owing returns after the month it completed in. */
  void completed(EnrollmentCompleted event, EventEnvelope envelope) {
    if (event.enrollmentId() == null || event.serviceId() == null || event.completedAt() == null) {
      throw new PoisonEventException(envelope + " lacks the enrolment, service or time");
    }
    ledger.completed(event.enrollmentId(), event.serviceId(), event.completedAt());
  }

  private static String date(LocalDate date) {
    return date == null ? "a date to be confirmed" : DAY.format(date);
  }

  private static void requireService(Object serviceId, EventEnvelope envelope) {
    if (serviceId == null) {
      throw new PoisonEventException(envelope + " lacks the service");
    }
  }
}
