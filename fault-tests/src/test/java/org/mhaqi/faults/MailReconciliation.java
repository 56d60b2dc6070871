package org.mhaqi.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mhaqi.events.Topics;
import org.mhaqi.faults.Reconciliation.Figures;
import org.mhaqi.faults.TopicHistory.Record;
import org.mhaqi.testing.TestPostgres;

/**
 * notification-service against the event history and the SMTP server, for one contact: the
 * organisation's, subscribed to enrolment decisions only. Every decision on enrollment.events for
 * the scenario's enrolments calls for one message to it (the contact's preferences and scope); each
 * must have reached the SMTP server once. Lost: a decision without a message received; duplicated:
 * a message received more than once, or one no decision called for.
 */
final class MailReconciliation {

  static final String CONSUMER = "notification-service";

  /** The decisions notification-service writes to contacts who chose ENROLLMENT_DECISIONS. */
  static final Set<String> DECISIONS =
      Set.of("ServiceEnrolled", "ServiceWaitlisted", "EnrollmentDeclined", "EnrollmentWithdrawn");

  private static final List<String> DEAD_LETTERS =
      List.of(
          "enrollment.events.notification-service.dlq",
          "coaching.events.notification-service.dlq",
          "organisation.events.notification-service.dlq");

  private final String bootstrapServers;
  private final TestPostgres.Database notificationDb;
  private final MailServer smtp;

  MailReconciliation(
      String bootstrapServers, TestPostgres.Database notificationDb, MailServer smtp) {
    this.bootstrapServers = bootstrapServers;
    this.notificationDb = notificationDb;
    this.smtp = smtp;
  }

  /** The decisions' event ids for these enrolments, as the topic holds them (each id once). */
  Set<String> expected(Set<String> keys) {
    Set<String> ids = new LinkedHashSet<>();
    for (Record r : TopicHistory.read(bootstrapServers, Topics.ENROLLMENT_EVENTS)) {
      if (keys.contains(r.key()) && DECISIONS.contains(r.type()) && r.id() != null) {
        ids.add(r.id());
      }
    }
    return ids;
  }

  /**
   * Waits until notification-service has consumed every decision, has nothing queued for the
   * contact, and the SMTP server holds as many of its messages as it wrote, or the timeout passes.
   */
  void awaitDelivered(Set<String> keys, String contactId, String email, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Set<String> expected = expected(keys);
        expected.removeAll(processed(expected));
        List<String[]> rows = messages(contactId);
        boolean queued = rows.stream().anyMatch(r -> "QUEUED".equals(r[2]));
        long received =
            smtp.received().stream().filter(m -> m.recipients().contains(email)).count();
        if (expected.isEmpty() && !queued && received >= rows.size()) {
          return;
        }
      } catch (RuntimeException notYet) {
        // the service or its database is still coming back
      }
      sleep(Duration.ofSeconds(2));
    }
  }

  Figures reconcile(
      String scenario, int accepted, Set<String> keys, String contactId, String email) {
    List<String> findings = new ArrayList<>();
    Set<String> expected = expected(keys);
    Set<String> applied = processed(expected);
    // Message rows of the contact: id, the event that called for it, status.
    Map<String, String> eventOf = new HashMap<>();
    Map<String, String> statusOf = new HashMap<>();
    Map<String, Integer> rowsPerEvent = new HashMap<>();
    for (String[] row : messages(contactId)) {
      eventOf.put(row[0], row[1]);
      statusOf.put(row[0], row[2]);
      rowsPerEvent.merge(row[1], 1, Integer::sum);
    }
    Map<String, Integer> receivedPerMessage = new HashMap<>();
    int lost = 0;
    int duplicated = 0;
    for (MailServer.Received m : smtp.received()) {
      if (!m.recipients().contains(email)) {
        continue;
      }
      if (m.messageId() == null || !eventOf.containsKey(m.messageId())) {
        duplicated++;
        findings.add(
            "a message received that notification-service has no row of: " + m.messageId());
        continue;
      }
      receivedPerMessage.merge(m.messageId(), 1, Integer::sum);
    }
    Map<String, Integer> receivedPerEvent = new HashMap<>();
    for (var entry : receivedPerMessage.entrySet()) {
      if (entry.getValue() > 1) {
        duplicated += entry.getValue() - 1;
        findings.add("message " + entry.getKey() + " received " + entry.getValue() + " times");
      }
      receivedPerEvent.merge(eventOf.get(entry.getKey()), entry.getValue(), Integer::sum);
    }
    for (var entry : rowsPerEvent.entrySet()) {
      if (entry.getValue() > 1) {
        duplicated += entry.getValue() - 1;
        findings.add(entry.getValue() + " messages written for event " + entry.getKey());
      }
      if (!expected.contains(entry.getKey())) {
        duplicated++;
        findings.add("a message written for an event no decision on the topic: " + entry.getKey());
      }
    }
    for (String id : expected) {
      if (!applied.contains(id)) {
        lost++;
        findings.add("decision not consumed by notification-service: " + id);
      } else if (!rowsPerEvent.containsKey(id)) {
        lost++;
        findings.add("decision consumed, no message written: " + id);
      } else if (!receivedPerEvent.containsKey(id)) {
        lost++;
        findings.add("decision's message never reached the SMTP server: " + id);
      }
    }
    statusOf.forEach(
        (id, status) -> {
          if (!"SENT".equals(status)) {
            findings.add("message " + id + " is " + status);
          }
        });
    int deadLettered = 0;
    for (String topic : DEAD_LETTERS) {
      for (Record r : TopicHistory.read(bootstrapServers, topic)) {
        if (keys.contains(r.key())) {
          deadLettered++;
          findings.add(
              "good event dead-lettered by notification-service: " + r.type() + " " + r.id());
        }
      }
    }
    int received = receivedPerMessage.values().stream().mapToInt(Integer::intValue).sum();
    findings.add(
        0,
        "decisions on the topic=%d, messages written=%d, received by SMTP=%d"
            .formatted(expected.size(), eventOf.size(), received));
    return new Figures(
        scenario + " (notification)",
        accepted,
        expected.size(),
        0,
        applied.size(),
        deadLettered,
        0,
        lost,
        duplicated,
        0,
        findings);
  }

  private Set<String> processed(Set<String> ids) {
    Set<String> applied = new LinkedHashSet<>();
    List<String> all = new ArrayList<>(ids);
    for (int i = 0; i < all.size(); i += 500) {
      applied.addAll(
          Reconciliation.query(
              notificationDb,
              "select event_id::text from processed_event where consumer = ?"
                  + " and event_id::text = any(?)",
              List.of(CONSUMER, all.subList(i, Math.min(all.size(), i + 500))),
              rs -> rs.getString(1)));
    }
    return applied;
  }

  private List<String[]> messages(String contactId) {
    return Reconciliation.query(
        notificationDb,
        "select id::text, event_id::text, status from message where contact_id::text = ?",
        List.of(contactId),
        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
