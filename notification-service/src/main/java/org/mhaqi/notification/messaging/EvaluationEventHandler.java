package org.mhaqi.notification.messaging;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.mhaqi.events.evaluation.DataReturnOverdue;
import org.mhaqi.events.evaluation.DataReturnSubmitted;
import org.mhaqi.events.evaluation.SignalVariation;
import org.mhaqi.events.evaluation.SpecialCauseDetected;
import org.mhaqi.notification.message.Messages;
import org.mhaqi.notification.message.Notice;
import org.mhaqi.notification.programme.ProgrammeLedger;
import org.mhaqi.support.messaging.EventEnvelope;
import org.mhaqi.support.messaging.PoisonEventException;
import org.springframework.stereotype.Component;

/**
 * Writes an overdue data return to the service's contacts who chose data returns, and a special
 * cause on one of its charts to those who chose special causes (its QI lead).
 */
@Component
class EvaluationEventHandler {

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final Messages messages;
  private final ProgrammeLedger ledger;

  EvaluationEventHandler(Messages messages, ProgrammeLedger ledger) {
    this.messages = messages;
    this.ledger = ledger;
  }

  /** No message: the month has begun, and an overdue return leaves the digest. */
  void returnSubmitted(DataReturnSubmitted event, EventEnvelope envelope) {
    if (event.serviceId() == null || event.month() == null || event.measureCode() == null) {
      throw new PoisonEventException(envelope + " lacks the service, month or measure");
    }
    ledger.returnSubmitted(event.serviceId(), event.measureCode(), event.month());
  }

  void returnOverdue(DataReturnOverdue event, EventEnvelope envelope) {
    if (event.serviceId() == null || event.month() == null || event.measureCode() == null) {
      throw new PoisonEventException(envelope + " lacks the service, month or measure");
    }
    ledger.returnOverdue(
        event.serviceId(),
        event.measureCode(),
        event.month(),
        event.dueOn(),
        event.detectedAt() == null ? envelope.time() : event.detectedAt());
    messages.notify(
        envelope.id(),
        Notice.DATA_RETURN_OVERDUE,
        event.serviceId(),
        null,
        Map.of(
            "measure", event.measureCode(),
            "month", MONTH.format(event.month()),
            "dueOn", event.dueOn() == null ? "its due date" : DAY.format(event.dueOn())));
  }

  void specialCause(SpecialCauseDetected event, EventEnvelope envelope) {
    if (event.serviceId() == null || event.month() == null || event.measureCode() == null) {
      throw new PoisonEventException(envelope + " lacks the service, month or measure");
    }
    messages.notify(
        envelope.id(),
        Notice.SPECIAL_CAUSE,
        event.serviceId(),
        null,
        Map.of(
            "measure",
            event.measureCode(),
            "month",
            MONTH.format(event.month()),
            "direction",
            event.variation() == SignalVariation.SPECIAL_CAUSE_IMPROVEMENT
                ? "an improvement"
                : event.variation() == SignalVariation.SPECIAL_CAUSE_CONCERN
                    ? "a concern"
                    : "a change"));
  }
}
