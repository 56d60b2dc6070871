package org.mhaqi.coaching.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.mhaqi.support.web.NotFoundException;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Calendar feeds")
class CalendarSubscriptionController {

  private final CalendarSubscriptions subscriptions;
  private final CalendarController calendars;

  CalendarSubscriptionController(
      CalendarSubscriptions subscriptions, CalendarController calendars) {
    this.subscriptions = subscriptions;
    this.calendars = calendars;
  }

  record SubscriptionRequest(UUID coachId, UUID serviceId) {}

  /**
   * @param url the feed's address, relative to the service; its token is shown only here
   */
  record CreatedSubscription(UUID id, String url) {}

  record SubscriptionView(
      UUID id, UUID coachId, UUID serviceId, Instant createdAt, Instant revokedAt) {
    static SubscriptionView of(CalendarSubscription s) {
      return new SubscriptionView(
          s.getId(), s.getCoachId(), s.getServiceId(), s.getCreatedAt(), s.getRevokedAt());
    }
  }

  @PostMapping("/api/calendar-subscriptions")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Subscribe to a calendar feed",
      description =
          "Either coachId (a coach their own) or serviceId (a trust member their organisation's"
              + " service). The answer's url holds an unguessable token: Outlook or Google"
              + " Calendar fetch it without a bearer token until the subscription is revoked.")
  CreatedSubscription subscribe(@RequestBody SubscriptionRequest request) {
    CalendarSubscriptions.Created created =
        subscriptions.subscribe(request.coachId(), request.serviceId());
    return new CreatedSubscription(
        created.subscription().getId(), "/calendars/" + created.token() + ".ics");
  }

  @GetMapping("/api/calendar-subscriptions")
  @Operation(summary = "Your calendar subscriptions, the newest first (tokens are never shown)")
  PagedModel<SubscriptionView> mine(@ParameterObject Pageable pageable) {
    return new PagedModel<>(subscriptions.mine(pageable).map(SubscriptionView::of));
  }

  @DeleteMapping("/api/calendar-subscriptions/{subscriptionId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke a calendar subscription: its URL answers 404 from now on")
  void revoke(@PathVariable UUID subscriptionId) {
    subscriptions.revoke(subscriptionId);
  }

  @GetMapping("/calendars/{token}.ics")
  @Operation(
      summary = "A subscribed calendar feed, authenticated by the token in its URL",
      description = "No bearer token; 404 for an unknown or revoked subscription.")
  ResponseEntity<String> feed(@PathVariable String token) {
    return subscriptions
        .feed(token)
        .map(
            feed ->
                feed.coachId() != null
                    ? calendars.coachFeed(feed.coachId())
                    : calendars.serviceFeed(feed.serviceId()))
        // The token is a credential: never echoed.
        .orElseThrow(() -> new NotFoundException("calendar subscription", "in the URL"));
  }
}
