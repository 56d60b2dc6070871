package org.mhaqi.notification.message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mhaqi.notification.contact.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due messages by SMTP. A batch is claimed with FOR UPDATE SKIP LOCKED, so that no two
 * senders take the same message, and each message's outcome is written in the same transaction: a
 * crash between the SMTP server's acceptance and the commit sends that message again (at least
 * once), never loses it. A refusal for now (4xx) or a server out of reach is retried with back-off
 * for ever; a refusal for good (5xx, such as an unknown address) is recorded with its reason.
 */
@Component
class MessageSender {

  private static final Logger log = LoggerFactory.getLogger(MessageSender.class);

  private record Due(
      UUID id,
      Notice notice,
      String recipient,
      String subject,
      String text,
      String html,
      String calendar,
      String method,
      int attempts) {}

  private final JdbcClient jdbc;
  private final JavaMailSender mail;
  private final TransactionTemplate transactions;
  private final SenderProperties sender;
  private final NotificationProperties properties;
  private final Clock clock;
  private final Map<Notice, Counter> sent = new EnumMap<>(Notice.class);
  private final Map<Notice, Counter> failed = new EnumMap<>(Notice.class);
  private final Map<Notice, Counter> retried = new EnumMap<>(Notice.class);

  MessageSender(
      JdbcClient jdbc,
      JavaMailSender mail,
      TransactionTemplate transactions,
      SenderProperties sender,
      NotificationProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.mail = mail;
    this.transactions = transactions;
    this.sender = sender;
    this.properties = properties;
    this.clock = clock;
    // Every notice's counters at 0 from the start: a rate of 0 on the dashboard, not "No data".
    for (Notice notice : Notice.values()) {
      sent.put(notice, counter(meters, "notification.messages.sent", notice, "Messages sent"));
      failed.put(
          notice,
          counter(meters, "notification.messages.failed", notice, "Messages refused for good"));
      retried.put(
          notice,
          counter(
              meters,
              "notification.messages.retried",
              notice,
              "Attempts refused for now or unreachable, to be retried"));
    }
    Gauge.builder("notification.queue.oldest.age", this, MessageSender::oldestQueuedAge)
        .description("Age of the oldest message waiting to be sent; 0 when none waits")
        .baseUnit("seconds")
        .register(meters);
    Gauge.builder("notification.queue.size", this, MessageSender::queued)
        .description("Messages waiting to be sent")
        .register(meters);
  }

  private static Counter counter(MeterRegistry meters, String name, Notice notice, String text) {
    return Counter.builder(name).description(text).tag("notice", notice.name()).register(meters);
  }

  @Scheduled(fixedDelayString = "${mhaqi.notification.sender.interval}")
  void sendDue() {
    try {
      while (Boolean.TRUE.equals(transactions.execute(status -> sendBatch()))) {
        // A full batch went out: there may be more.
      }
    } catch (RuntimeException e) {
      log.warn("Sending stopped until the next round: {}", e.toString());
    }
  }

  /** Sends one batch; true when it was full and every message went, so another may follow. */
  private boolean sendBatch() {
    Instant now = clock.instant();
    List<Due> due =
        jdbc.sql(
                """
                select id, notice, recipient, subject, text_body, html_body, calendar,
                       calendar_method, attempts
                  from message
                 where status = 'QUEUED' and next_attempt_at <= ?
                 order by next_attempt_at, created_at
                 limit ?
                 for update skip locked
                """)
            .params(Timestamp.from(now), sender.batchSize())
            .query(
                (rs, i) ->
                    new Due(
                        rs.getObject("id", UUID.class),
                        Notice.valueOf(rs.getString("notice")),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("text_body"),
                        rs.getString("html_body"),
                        rs.getString("calendar"),
                        rs.getString("calendar_method"),
                        rs.getInt("attempts")))
            .list();
    for (Due message : due) {
      try {
        mail.send(mime(message));
      } catch (MailException | MessagingException e) {
        SendFailure failure = SendFailure.of(e);
        if (failure.permanent()) {
          failed(message, failure.reason());
          continue;
        }
        retryLater(message, failure.reason());
        // The server is away or busy: the rest of the batch waits for the next round unchanged.
        return false;
      }
      jdbc.sql(
              "update message set status = 'SENT', sent_at = ?, attempts = attempts + 1 where id = ?")
          .params(Timestamp.from(clock.instant()), message.id())
          .update();
      sent.get(message.notice()).increment();
    }
    return due.size() == sender.batchSize();
  }

  private MimeMessage mime(Due message) throws MessagingException {
    MimeMessage mime = mail.createMimeMessage();
    MimeMessageHelper helper =
        new MimeMessageHelper(
            mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, StandardCharsets.UTF_8.name());
    helper.setFrom(properties.from());
    helper.setTo(message.recipient());
    helper.setSubject(message.subject());
    helper.setText(message.text(), message.html());
    if (message.calendar() != null) {
      helper.addAttachment(
          message.method().equals(Invitation.CANCEL) ? "cancel.ics" : "invite.ics",
          new ByteArrayResource(message.calendar().getBytes(StandardCharsets.UTF_8)),
          "text/calendar; charset=UTF-8; method=" + message.method());
    }
    // The row's id: a receiving system (and the fault suite) tells a resend from a new message.
    mime.setHeader("X-MHAQI-Message-Id", message.id().toString());
    return mime;
  }

  private void retryLater(Due message, String reason) {
    int attempts = message.attempts() + 1;
    jdbc.sql(
            """
            update message set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?
            """)
        .params(
            attempts,
            Timestamp.from(clock.instant().plus(sender.backOff(attempts))),
            truncate(reason),
            message.id())
        .update();
    retried.get(message.notice()).increment();
    log.info("Message {} not sent, retried later (attempt {}): {}", message.id(), attempts, reason);
  }

  private void failed(Due message, String reason) {
    jdbc.sql(
            """
            update message set status = 'FAILED', failed_at = ?, attempts = attempts + 1,
                               last_error = ?
             where id = ?
            """)
        .params(Timestamp.from(clock.instant()), truncate(reason), message.id())
        .update();
    failed.get(message.notice()).increment();
    log.warn("Message {} refused for good: {}", message.id(), reason);
  }

  private double oldestQueuedAge() {
    try {
      List<Timestamp> oldest =
          jdbc.sql("select min(created_at) from message where status = 'QUEUED'")
              .query((rs, i) -> rs.getTimestamp(1))
              .list();
      Timestamp first = oldest.isEmpty() ? null : oldest.get(0);
      return first == null
          ? 0
          : Math.max(0, clock.millis() - first.toInstant().toEpochMilli()) / 1000.0;
    } catch (RuntimeException e) {
      // The database is away: no value rather than a wrong one.
      return Double.NaN;
    }
  }

  private double queued() {
    try {
      return jdbc.sql("select count(*) from message where status = 'QUEUED'")
          .query(Long.class)
          .single();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  private static String truncate(String reason) {
    return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
  }
}
