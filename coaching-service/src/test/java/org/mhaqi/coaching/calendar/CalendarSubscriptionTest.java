package org.mhaqi.coaching.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CalendarSubscriptionTest {

  private static final Instant CREATED = Instant.parse("2026-06-01T09:00:00Z");

  @Test
  void aSubscriptionRemembersWhoSubscribedToWhichCalendarAndWhen() {
    UUID coach = UUID.randomUUID();
    var subscription = new CalendarSubscription("hash", "coach-a", coach, null, CREATED);
    assertThat(subscription.getId())
        .isNotEqualTo(new CalendarSubscription("hash", "x", coach, null, CREATED).getId());
    assertThat(subscription.getSubscriber()).isEqualTo("coach-a");
    assertThat(subscription.getCoachId()).isEqualTo(coach);
    assertThat(subscription.getServiceId()).isNull();
    assertThat(subscription.getCreatedAt()).isEqualTo(CREATED);
    assertThat(subscription.getRevokedAt()).isNull();
  }

  @Test
  void revokingKeepsTheFirstRevocationTime() {
    UUID service = UUID.randomUUID();
    var subscription = new CalendarSubscription("hash", "trust-rx4", null, service, CREATED);
    subscription.revoke(CREATED.plusSeconds(60));
    subscription.revoke(CREATED.plusSeconds(120));
    assertThat(subscription.getRevokedAt()).isEqualTo(CREATED.plusSeconds(60));
    assertThat(subscription.getServiceId()).isEqualTo(service);
  }

  @Test
  void theStoredHashIsTheSha256OfTheTokenNeverTheTokenItself() {
    // SHA-256 of "abc" (FIPS 180-2 test vector).
    assertThat(CalendarSubscriptions.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
