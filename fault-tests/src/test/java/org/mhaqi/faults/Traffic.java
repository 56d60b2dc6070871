package org.mhaqi.faults;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.mhaqi.testing.Api;
import tools.jackson.databind.JsonNode;

/**
 * Steady traffic through the public APIs, as programme staff make it: services apply and are
 * admitted, some withdraw soon after, and past sessions of earlier enrolments are recorded as
 * delivered. Remembers what the APIs accepted; a request whose outcome is unknown (the connection
 * broke) is remembered as uncertain, never as accepted.
 */
final class Traffic implements AutoCloseable {

  /** Every fourth admitted enrolment withdraws two journeys later. */
  private static final int WITHDRAW_EVERY = 4;

  private final Api enrollment;
  private final List<Api> coaching;
  private final String label;
  private final Random random = new Random();

  final Set<String> admitted = ConcurrentHashMap.newKeySet();
  final Set<String> withdrawn = ConcurrentHashMap.newKeySet();
  final Set<String> completedSessions = ConcurrentHashMap.newKeySet();
  final Set<String> uncertainSessions = ConcurrentHashMap.newKeySet();
  final AtomicInteger accepted = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();

  private final List<String> admittedInOrder = Collections.synchronizedList(new ArrayList<>());
  private String phase;
  private String organisation;
  private volatile boolean running;
  private Thread enrolments;
  private Thread completions;
  private int journeys;

  Traffic(Api enrollment, List<Api> coaching, String label) {
    this.enrollment = enrollment;
    this.coaching = coaching;
    this.label = label;
  }

  /** A phase whose coaching window began two months ago, so some sessions can be completed. */
  Traffic prepare(String odsCode) {
    LocalDate today = LocalDate.now();
    String programme =
        expect(enrollment.post("/api/programmes", "{\"name\":\"Fault suite: " + label + "\"}"), 201)
            .id();
    phase =
        expect(
                enrollment.post(
                    "/api/programmes/" + programme + "/phases",
                    """
                    {"kind":"WIDER_IMPLEMENTATION","name":"%s","startsOn":"%s","endsOn":"%s",
                     "capacity":1000,"coachingStartsOn":"%s","coachingEndsOn":"%s"}
                    """
                        .formatted(
                            label,
                            today.minusMonths(3),
                            today.plusMonths(5),
                            today.minusMonths(2),
                            today.plusMonths(4))),
                201)
            .id();
    organisation =
        expect(
                enrollment.post(
                    "/api/organisations",
                    """
                    {"odsCode":"%s","name":"Fault suite trust %s","providerType":"NHS_TRUST",
                     "region":"LONDON"}
                    """
                        .formatted(odsCode, label)),
                201)
            .id();
    return this;
  }

  /**
   * Starts the journeys, one after another until {@link #stop()}, and the completions on a thread
   * of their own, so that a coaching-service outage never slows enrolments down.
   */
  Traffic start() {
    running = true;
    enrolments = new Thread(this::run, "traffic-" + label);
    completions = new Thread(this::complete, "completions-" + label);
    enrolments.start();
    completions.start();
    return this;
  }

  /** Stops after the journey and the completion under way. */
  void stop() {
    running = false;
    try {
      for (Thread thread : new Thread[] {enrolments, completions}) {
        if (thread != null) {
          thread.join(Duration.ofMinutes(3).toMillis());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  String phase() {
    return phase;
  }

  int journeys() {
    return journeys;
  }

  private void run() {
    while (running) {
      try {
        journey();
      } catch (RuntimeException e) {
        // The service refused or was away; the next journey tries again.
        refused.incrementAndGet();
        pause(Duration.ofMillis(500));
      }
      journeys++;
      pause(Duration.ofMillis(100));
    }
  }

  private void complete() {
    while (running) {
      try {
        completeASessionOfAnEarlierOne();
      } catch (RuntimeException e) {
        refused.incrementAndGet();
      }
      pause(Duration.ofMillis(300));
    }
  }

  private void journey() {
    int n = journeys;
    withdrawEarlierOne();
    String service =
        acceptedId(
            enrollment.post(
                "/api/organisations/" + organisation + "/services",
                "{\"name\":\"Ward %d of %s\",\"serviceType\":\"PICU\"}".formatted(n, label)),
            201);
    String enrolment =
        acceptedId(
            enrollment.post(
                "/api/enrollments",
                "{\"serviceId\":\"%s\",\"phaseId\":\"%s\"}".formatted(service, phase)),
            201);
    String sponsor =
        acceptedId(
            enrollment.post(
                "/api/enrollments/" + enrolment + "/team-members",
                "{\"role\":\"EXECUTIVE_SPONSOR\",\"name\":\"Sponsor %d\",\"email\":\"s%d@example.nhs.uk\"}"
                    .formatted(n, n)),
            201);
    acceptedId(
        enrollment.put(
            "/api/enrollments/" + enrolment + "/executive-commitment",
            """
            {"sponsorMemberId":"%s","organisationInvolvement":true,"teamChangeIdeas":true,
             "proportionateDataCollection":true}
            """
                .formatted(sponsor)),
        200);
    acceptedId(enrollment.post("/api/enrollments/" + enrolment + "/admission"), 200);
    admitted.add(enrolment);
    admittedInOrder.add(enrolment);
  }

  private void withdrawEarlierOne() {
    int size = admittedInOrder.size();
    if (size < 2 || (size - 2) % WITHDRAW_EVERY != 0) {
      return;
    }
    String enrolment = admittedInOrder.get(size - 2);
    if (withdrawn.contains(enrolment)) {
      return;
    }
    acceptedId(
        enrollment.post(
            "/api/enrollments/" + enrolment + "/withdrawal",
            "{\"reason\":\"Fault suite withdrawal\"}"),
        200);
    withdrawn.add(enrolment);
  }

  /** Completes the first past session of an enrolment admitted a while ago, if planned. */
  private void completeASessionOfAnEarlierOne() {
    int size = admittedInOrder.size();
    if (size < 5) {
      return;
    }
    String enrolment = admittedInOrder.get(random.nextInt(size - 4));
    if (withdrawn.contains(enrolment)) {
      return;
    }
    Api api = coaching.get(random.nextInt(coaching.size()));
    Api.Response plan;
    try {
      plan = api.get("/api/enrollments/" + enrolment + "/plan");
    } catch (RuntimeException unreachable) {
      return;
    }
    if (plan.status() != 200) {
      return;
    }
    for (JsonNode session : plan.body().path("sessions")) {
      String id = session.path("id").asString();
      boolean past =
          LocalDateTime.parse(session.path("startsAt").asString())
              .isBefore(LocalDateTime.now().minusDays(1));
      if (past
          && "SCHEDULED".equals(session.path("status").asString())
          && !completedSessions.contains(id)
          && !uncertainSessions.contains(id)) {
        complete(api, id);
        return;
      }
    }
  }

  private void complete(Api api, String session) {
    Api.Response response;
    try {
      response =
          api.post(
              "/api/sessions/" + session + "/completion",
              """
              {"minutesDelivered":30,"attendance":{"EXECUTIVE_SPONSOR":1},
               "livedExperiencePartnerTookPart":false}
              """);
    } catch (RuntimeException brokenConnection) {
      uncertainSessions.add(session);
      throw brokenConnection;
    }
    if (response.status() == 200) {
      accepted.incrementAndGet();
      completedSessions.add(session);
    } else {
      refused.incrementAndGet();
    }
  }

  private String acceptedId(Api.Response response, int status) {
    expect(response, status);
    accepted.incrementAndGet();
    return response.id();
  }

  private static Api.Response expect(Api.Response response, int status) {
    return response.expect(status);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
