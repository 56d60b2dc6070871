package org.mhaqi.events.evaluation;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * A service's monthly data return for one measure was accepted: a first return (version 1) or a
 * correction (a later version that supersedes the earlier ones; they stay in the history). Carries
 * no counts: read the return, suppressed, from evaluation-service's API.
 *
 * @param returnId this version of the return
 * @param month the calendar month the return covers, {@code yyyy-MM}
 * @param version 1 for the first return, then 2, 3, ... for each correction
 * @param correction whether this version corrects an earlier one
 */
@EventContract(type = "DataReturnSubmitted", topic = Topics.EVALUATION_EVENTS)
public record DataReturnSubmitted(
    UUID returnId,
    UUID enrollmentId,
    UUID serviceId,
    String measureCode,
    YearMonth month,
    int version,
    boolean correction,
    Instant submittedAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
