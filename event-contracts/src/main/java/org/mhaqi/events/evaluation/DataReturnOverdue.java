package org.mhaqi.events.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * An enrolled service's monthly return for a measure had not arrived by the end of the grace
 * period. Announced once per enrolment, measure and month; a later return is announced as {@link
 * DataReturnSubmitted} as usual.
 *
 * @param month the calendar month whose return is missing, {@code yyyy-MM}
 * @param dueOn the last day the return was due on (the month's last day plus the grace period)
 * @param detectedAt when the scheduled check found it missing
 */
@EventContract(type = "DataReturnOverdue", topic = Topics.EVALUATION_EVENTS)
public record DataReturnOverdue(
    UUID enrollmentId,
    UUID serviceId,
    String measureCode,
    YearMonth month,
    LocalDate dueOn,
    Instant detectedAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
