package org.mhaqi.coaching.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.mhaqi.coaching.coach.Coaches;
import org.mhaqi.coaching.plan.PlanQueries;
import org.mhaqi.support.security.Caller;
import org.mhaqi.support.security.Callers;
import org.mhaqi.support.security.Role;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.Paging;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendar subscriptions: a coach subscribes to their own calendar, a trust member to their own
 * organisation's service's, an administrator to any. The URL's token is 32 random bytes; only its
 * SHA-256 hash is stored.
 */
@Service
@Transactional
class CalendarSubscriptions {

  private static final int TOKEN_BYTES = 32;
  private static final Base64.Encoder TOKEN_TEXT = Base64.getUrlEncoder().withoutPadding();

  private final CalendarSubscriptionRepository subscriptions;
  private final Coaches coaches;
  private final PlanQueries plans;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  CalendarSubscriptions(
      CalendarSubscriptionRepository subscriptions,
      Coaches coaches,
      PlanQueries plans,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.coaches = coaches;
    this.plans = plans;
    this.clock = clock;
  }

  /** A new subscription and the token of its URL, shown this once. */
  record Created(CalendarSubscription subscription, String token) {}

  /** What a subscription's URL shows: a coach's or a service's sessions. */
  record Feed(UUID coachId, UUID serviceId) {}

  Created subscribe(UUID coachId, UUID serviceId) {
    if ((coachId == null) == (serviceId == null)) {
      throw RuleViolationException.unprocessable(
          "one-calendar",
          coachId == null ? "coachId" : "serviceId",
          "A subscription is for one calendar: give either coachId or serviceId");
    }
    Caller caller = Callers.current();
    if (coachId != null) {
      coaches.mine(coachId);
    } else {
      // A coach or an analyst subscribes to no service's calendar; a trust member to their own.
      if (!caller.isAdmin() && !caller.has(Role.TRUST_MEMBER)) {
        throw new NotFoundException("enrolled service", serviceId);
      }
      plans.requireVisibleService(serviceId);
    }
    byte[] secret = new byte[TOKEN_BYTES];
    random.nextBytes(secret);
    String token = TOKEN_TEXT.encodeToString(secret);
    CalendarSubscription subscription =
        subscriptions.save(
            new CalendarSubscription(
                hash(token), caller.subject(), coachId, serviceId, clock.instant()));
    return new Created(subscription, token);
  }

  /** The caller's own subscriptions, the newest first. */
  @Transactional(readOnly = true)
  Page<CalendarSubscription> mine(Pageable pageable) {
    return subscriptions.findBySubscriber(
        Callers.current().subject(),
        Paging.inOrder(pageable, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
  }

  /** Revokes one of the caller's subscriptions (an administrator: anyone's). */
  CalendarSubscription revoke(UUID id) {
    Caller caller = Callers.current();
    CalendarSubscription subscription =
        subscriptions
            .findById(id)
            .filter(s -> caller.isAdmin() || s.getSubscriber().equals(caller.subject()))
            .orElseThrow(() -> new NotFoundException("calendar subscription", id));
    subscription.revoke(clock.instant());
    return subscriptions.save(subscription);
  }

  /** The feed of a live subscription's token; empty for an unknown or revoked one. */
  @Transactional(readOnly = true)
  Optional<Feed> feed(String token) {
    return subscriptions
        .findByTokenHashAndRevokedAtIsNull(hash(token))
        .map(s -> new Feed(s.getCoachId(), s.getServiceId()));
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
