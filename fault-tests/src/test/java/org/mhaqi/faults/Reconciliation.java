package org.mhaqi.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mhaqi.events.Topics;
import org.mhaqi.faults.TopicHistory.Record;
import org.mhaqi.testing.TestPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares every service's state with the full event history on Kafka and with what the APIs
 * accepted, for the enrolments one scenario touched: what enrollment-service wrote to its outbox
 * since the scenario began, plus any enrolments the scenario published straight to the topic.
 */
final class Reconciliation {

  static final String DEAD_LETTERS = "enrollment.events.coaching-service.dlq";
  private static final String CONSUMER = "coaching-service";
  private static final String EVALUATION = "evaluation-service";
  private static final List<String> EVALUATION_DEAD_LETTERS =
      List.of("enrollment.events.evaluation-service.dlq", "coaching.events.evaluation-service.dlq");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The figures a scenario prints; only the poison is dead-lettered, and three must be 0. */
  record Figures(
      String scenario,
      int accepted,
      int published,
      int publishedByCoaching,
      int applied,
      int deadLettered,
      int poison,
      int lost,
      int duplicated,
      int orderViolations,
      List<String> findings) {

    boolean clean() {
      return lost == 0 && duplicated == 0 && orderViolations == 0 && deadLettered == poison;
    }

    String line() {
      return ("FAULT-SUITE %-28s requests accepted=%d, events published=%d (enrollment.events)"
              + " + %d (coaching.events), events applied=%d,"
              + " dead-lettered=%d (poison sent=%d), lost=%d, duplicated effects=%d,"
              + " per-key order violations=%d")
          .formatted(
              scenario,
              accepted,
              published,
              publishedByCoaching,
              applied,
              deadLettered,
              poison,
              lost,
              duplicated,
              orderViolations);
    }
  }

  private final String bootstrapServers;
  private final TestPostgres.Database enrollmentDb;
  private final TestPostgres.Database coachingDb;
  private final TestPostgres.Database evaluationDb;

  /** {@code evaluationDb} may be null where evaluation-service does not run. */
  Reconciliation(
      String bootstrapServers,
      TestPostgres.Database enrollmentDb,
      TestPostgres.Database coachingDb,
      TestPostgres.Database evaluationDb) {
    this.bootstrapServers = bootstrapServers;
    this.enrollmentDb = enrollmentDb;
    this.coachingDb = coachingDb;
    this.evaluationDb = evaluationDb;
  }

  /** Where enrollment-service's outbox stands now: a scenario's events come after it. */
  long watermark() {
    return query(
            enrollmentDb,
            "select coalesce(max(position), 0) from outbox_event",
            List.of(),
            rs -> rs.getLong(1))
        .get(0);
  }

  /** The enrolment keys enrollment-service wrote events for since the watermark. */
  Set<String> keysSince(long watermark) {
    return new LinkedHashSet<>(
        query(
            enrollmentDb,
            "select distinct message_key from outbox_event where topic = ? and position > ?",
            List.of(Topics.ENROLLMENT_EVENTS, watermark),
            rs -> rs.getString(1)));
  }

  /**
   * Waits until both outboxes are sent, coaching-service has applied (or dead-lettered) every event
   * of the keys and dead-lettered the poison, or the timeout passes; the reconciliation then says
   * what is missing.
   */
  void awaitQuiet(
      Set<String> keys, Set<String> poisonKeys, boolean withEvaluation, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (unpublished(enrollmentDb) == 0
            && unpublished(coachingDb) == 0
            && (!withEvaluation || evaluationCaughtUp(keys))) {
          Set<String> ids =
              TopicHistory.read(bootstrapServers, Topics.ENROLLMENT_EVENTS).stream()
                  .filter(r -> keys.contains(r.key()) && r.id() != null)
                  .map(Record::id)
                  .collect(Collectors.toSet());
          List<Record> deadLetters = TopicHistory.read(bootstrapServers, DEAD_LETTERS);
          ids.removeAll(processed(ids));
          deadLetters.forEach(r -> ids.remove(r.id()));
          Set<String> poisonLeft = new HashSet<>(poisonKeys);
          deadLetters.forEach(r -> poisonLeft.remove(r.key()));
          if (ids.isEmpty() && poisonLeft.isEmpty()) {
            return;
          }
        }
      } catch (RuntimeException notYet) {
        // a database or the broker is still coming back
      }
      sleep(Duration.ofSeconds(2));
    }
  }

  Figures reconcile(
      String scenario, int accepted, Traffic traffic, Set<String> keys, Set<String> poisonKeys) {
    List<String> findings = new ArrayList<>();
    List<Record> enrollmentEvents = scoped(Topics.ENROLLMENT_EVENTS, keys);
    List<Record> coachingEvents = scoped(Topics.COACHING_EVENTS, keys);
    List<Record> deadLetters = TopicHistory.read(bootstrapServers, DEAD_LETTERS);

    Set<String> enrollmentIds = ids(enrollmentEvents);
    Set<String> coachingIds = ids(coachingEvents);
    Set<String> applied = processed(enrollmentIds);

    int lost = 0;
    int duplicated = 0;
    int order = 0;

    // Outboxes against the topics: every row reached Kafka, in the order it was written.
    Map<String, List<String>> enrollmentOutbox =
        outbox(enrollmentDb, Topics.ENROLLMENT_EVENTS, keys);
    Map<String, List<String>> coachingOutbox = outbox(coachingDb, Topics.COACHING_EVENTS, keys);
    lost +=
        missing(
            "enrollment outbox row not on the topic", enrollmentOutbox, enrollmentIds, findings);
    lost += missing("coaching outbox row not on the topic", coachingOutbox, coachingIds, findings);
    order +=
        orderViolations(Topics.ENROLLMENT_EVENTS, enrollmentEvents, enrollmentOutbox, findings);
    order += orderViolations(Topics.COACHING_EVENTS, coachingEvents, coachingOutbox, findings);

    // What the APIs accepted against the history.
    Map<String, Set<String>> typesByKey = new HashMap<>();
    for (Record r : enrollmentEvents) {
      typesByKey.computeIfAbsent(r.key(), k -> new HashSet<>()).add(r.type());
    }
    if (traffic != null) {
      for (String enrolment : traffic.admitted) {
        if (!typesByKey.getOrDefault(enrolment, Set.of()).contains("ServiceEnrolled")) {
          lost++;
          findings.add("admission accepted, no ServiceEnrolled: " + enrolment);
        }
      }
      for (String enrolment : traffic.withdrawn) {
        if (!typesByKey.getOrDefault(enrolment, Set.of()).contains("EnrollmentWithdrawn")) {
          lost++;
          findings.add("withdrawal accepted, no EnrollmentWithdrawn: " + enrolment);
        }
      }
    }

    // Every event of the history applied once by coaching-service; only poison dead-lettered.
    for (String id : enrollmentIds) {
      if (!applied.contains(id)) {
        lost++;
        findings.add("event not applied by coaching-service: " + id);
      }
    }
    Set<String> deadLettered = new HashSet<>();
    Set<String> poisonDeadLettered = new HashSet<>();
    for (Record r : deadLetters) {
      if (poisonKeys.contains(r.key())) {
        poisonDeadLettered.add(r.key());
      } else if (keys.contains(r.key())) {
        deadLettered.add(r.id());
        findings.add(
            "good event dead-lettered: "
                + r.type()
                + " "
                + r.id()
                + " "
                + r.headers().get("x-exception-message"));
      }
    }
    for (String poison : poisonKeys) {
      if (!poisonDeadLettered.contains(poison)) {
        findings.add("poison not dead-lettered: " + poison);
      }
    }

    // coaching-service's state against the history.
    Map<String, Plan> plans = plans(keys);
    Map<String, Set<String>> planCreated =
        idsBy(coachingEvents, "CoachingPlanCreated", "enrollmentId");
    Map<String, Set<String>> scheduled = idsBy(coachingEvents, "SessionScheduled", "sessionId");
    Map<String, Set<String>> completed = idsBy(coachingEvents, "SessionCompleted", "sessionId");
    Map<String, Set<String>> cancelled = idsBy(coachingEvents, "SessionCancelled", "sessionId");
    for (var entry : typesByKey.entrySet()) {
      String key = entry.getKey();
      if (!entry.getValue().contains("ServiceEnrolled")) {
        continue;
      }
      Plan plan = plans.get(key);
      if (plan == null) {
        lost++;
        findings.add("enrolled, no coaching plan: " + key);
        continue;
      }
      if (!planCreated.containsKey(key)) {
        lost++;
        findings.add("plan without CoachingPlanCreated: " + key);
      }
      if (entry.getValue().contains("EnrollmentWithdrawn")
          && (!plan.withdrawn() || plan.futureScheduled() > 0)) {
        lost++;
        findings.add(
            "withdrawn, plan still running (%d future sessions scheduled): %s"
                .formatted(plan.futureScheduled(), key));
      }
    }
    for (Plan plan : plans.values()) {
      for (var session : plan.sessions().entrySet()) {
        if (!scheduled.containsKey(session.getKey())) {
          lost++;
          findings.add("session without SessionScheduled: " + session.getKey());
        }
        if (session.getValue().equals("CANCELLED") && !cancelled.containsKey(session.getKey())) {
          lost++;
          findings.add("cancelled session without SessionCancelled: " + session.getKey());
        }
        if (session.getValue().equals("COMPLETED") && !completed.containsKey(session.getKey())) {
          lost++;
          findings.add("completed session without SessionCompleted: " + session.getKey());
        }
      }
    }
    if (traffic != null) {
      Map<String, String> statuses = new HashMap<>();
      plans.values().forEach(p -> statuses.putAll(p.sessions()));
      for (String session : traffic.completedSessions) {
        if (!"COMPLETED".equals(statuses.get(session))) {
          lost++;
          findings.add("completion accepted, session not completed: " + session);
        }
      }
    }

    // Effects applied twice: two plans' worth of announcements, or more sessions than the cadence.
    duplicated += extra("CoachingPlanCreated per enrolment", planCreated, findings);
    duplicated += extra("SessionScheduled per session", scheduled, findings);
    duplicated += extra("SessionCompleted per session", completed, findings);
    duplicated += extra("SessionCancelled per session", cancelled, findings);
    // The plan's sessions as announced when it was made: more in the database is a second
    // application of the enrolment, fewer is a loss.
    Map<String, Integer> announcedSessions = new HashMap<>();
    for (Record r : coachingEvents) {
      if ("CoachingPlanCreated".equals(r.type())) {
        announcedSessions.putIfAbsent(r.key(), JSON.readTree(r.value()).path("sessions").asInt());
      }
    }
    for (Plan plan : plans.values()) {
      Integer announced = announcedSessions.get(plan.enrolment());
      if (announced == null) {
        continue;
      }
      int made = plan.sessions().size();
      if (made > announced) {
        duplicated += made - announced;
        findings.add(
            "plan of %s has %d sessions, CoachingPlanCreated announced %d"
                .formatted(plan.enrolment(), made, announced));
      } else if (made < announced) {
        lost += announced - made;
        findings.add(
            "plan of %s has %d sessions, CoachingPlanCreated announced %d"
                .formatted(plan.enrolment(), made, announced));
      }
    }

    return new Figures(
        scenario,
        accepted,
        enrollmentIds.size(),
        coachingIds.size(),
        applied.size(),
        deadLettered.size() + poisonDeadLettered.size(),
        poisonKeys.size(),
        lost,
        duplicated,
        order,
        findings);
  }

  /** Whether evaluation-service has applied, or dead-lettered, every event of the keys. */
  private boolean evaluationCaughtUp(Set<String> keys) {
    Set<String> ids = ids(scoped(Topics.ENROLLMENT_EVENTS, keys));
    ids.addAll(ids(scoped(Topics.COACHING_EVENTS, keys)));
    ids.removeAll(processed(evaluationDb, EVALUATION, ids));
    for (String topic : EVALUATION_DEAD_LETTERS) {
      TopicHistory.read(bootstrapServers, topic).forEach(r -> ids.remove(r.id()));
    }
    return ids.isEmpty();
  }

  /**
   * evaluation-service against the history, for the scenario's keys: every event of both topics
   * applied, none dead-lettered, and its engagement projection holding coaching-service's sessions
   * as they are (each once, in the same state) and one plan per enrolment.
   */
  Figures reconcileEvaluation(String scenario, int accepted, Set<String> keys) {
    List<String> findings = new ArrayList<>();
    Set<String> enrollmentIds = ids(scoped(Topics.ENROLLMENT_EVENTS, keys));
    Set<String> coachingIds = ids(scoped(Topics.COACHING_EVENTS, keys));
    Set<String> all = new LinkedHashSet<>(enrollmentIds);
    all.addAll(coachingIds);
    Set<String> applied = processed(evaluationDb, EVALUATION, all);
    int lost = 0;
    int duplicated = 0;
    for (String id : all) {
      if (!applied.contains(id)) {
        lost++;
        findings.add("event not applied by evaluation-service: " + id);
      }
    }
    int deadLettered = 0;
    for (String topic : EVALUATION_DEAD_LETTERS) {
      for (Record r : TopicHistory.read(bootstrapServers, topic)) {
        if (keys.contains(r.key())) {
          deadLettered++;
          findings.add(
              "good event dead-lettered by evaluation-service: "
                  + r.type()
                  + " "
                  + r.id()
                  + " "
                  + r.headers().get("x-exception-message"));
        }
      }
    }
    Map<String, String> coachingSessions = new HashMap<>();
    plans(keys).values().forEach(p -> coachingSessions.putAll(p.sessions()));
    Map<String, String> engagement = new HashMap<>();
    Map<String, Integer> plansByEnrolment = new HashMap<>();
    for (List<String> chunk : chunks(keys)) {
      for (String[] row :
          query(
              evaluationDb,
              "select session_id::text, status from engagement_session"
                  + " where enrollment_id::text = any(?)",
              List.of(chunk),
              rs -> new String[] {rs.getString(1), rs.getString(2)})) {
        engagement.put(row[0], row[1]);
      }
      for (String[] row :
          query(
              evaluationDb,
              "select enrollment_id::text, count(*) from engagement_plan"
                  + " where enrollment_id::text = any(?) group by enrollment_id",
              List.of(chunk),
              rs -> new String[] {rs.getString(1), rs.getString(2)})) {
        plansByEnrolment.put(row[0], Integer.parseInt(row[1]));
      }
    }
    for (var session : coachingSessions.entrySet()) {
      String expected = session.getValue().equals("COMPLETED") ? "DELIVERED" : session.getValue();
      String seen = engagement.get(session.getKey());
      if (!expected.equals(seen)) {
        lost++;
        findings.add(
            "session %s is %s in coaching-service, %s in evaluation-service's engagement"
                .formatted(session.getKey(), session.getValue(), seen));
      }
    }
    for (var plans : plansByEnrolment.entrySet()) {
      if (plans.getValue() > 1) {
        duplicated += plans.getValue() - 1;
        findings.add(plans.getValue() + " engagement plans of " + plans.getKey());
      }
    }
    return new Figures(
        scenario + " (evaluation)",
        accepted,
        enrollmentIds.size(),
        coachingIds.size(),
        applied.size(),
        deadLettered,
        0,
        lost,
        duplicated,
        0,
        findings);
  }

  private List<Record> scoped(String topic, Set<String> keys) {
    return TopicHistory.read(bootstrapServers, topic).stream()
        .filter(r -> keys.contains(r.key()))
        .toList();
  }

  private static Set<String> ids(List<Record> records) {
    return records.stream()
        .map(Record::id)
        .filter(id -> id != null)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Distinct event ids of one type, by a field of the payload. */
  private static Map<String, Set<String>> idsBy(List<Record> records, String type, String field) {
    Map<String, Set<String>> by = new HashMap<>();
    for (Record r : records) {
      if (type.equals(r.type())) {
        JsonNode payload = JSON.readTree(r.value());
        by.computeIfAbsent(payload.path(field).asString(), k -> new HashSet<>()).add(r.id());
      }
    }
    return by;
  }

  private static int extra(String what, Map<String, Set<String>> idsBy, List<String> findings) {
    int extra = 0;
    for (var entry : idsBy.entrySet()) {
      if (entry.getValue().size() > 1) {
        extra += entry.getValue().size() - 1;
        findings.add(what + ": " + entry.getValue().size() + " for " + entry.getKey());
      }
    }
    return extra;
  }

  private static int missing(
      String what, Map<String, List<String>> outbox, Set<String> onTopic, List<String> findings) {
    int missing = 0;
    for (var entry : outbox.entrySet()) {
      for (String id : entry.getValue()) {
        if (!onTopic.contains(id)) {
          missing++;
          findings.add(what + ": " + id + " of " + entry.getKey());
        }
      }
    }
    return missing;
  }

  /**
   * A key's events must reach its topic in outbox order (the first copy of each counts: a
   * redelivered copy later is at-least-once, not a reordering) and in one partition only.
   */
  private static int orderViolations(
      String topic, List<Record> records, Map<String, List<String>> outbox, List<String> findings) {
    Map<String, List<Record>> byKey =
        records.stream()
            .collect(Collectors.groupingBy(Record::key, LinkedHashMap::new, Collectors.toList()));
    int violations = 0;
    for (var entry : byKey.entrySet()) {
      Set<Integer> partitions =
          entry.getValue().stream().map(Record::partition).collect(Collectors.toSet());
      if (partitions.size() > 1) {
        violations++;
        findings.add(topic + ": key " + entry.getKey() + " in partitions " + partitions);
        continue;
      }
      List<String> written = outbox.getOrDefault(entry.getKey(), List.of());
      if (written.isEmpty()) {
        continue;
      }
      Set<String> writtenIds = new HashSet<>(written);
      List<String> arrived =
          entry.getValue().stream()
              .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
              .map(Record::id)
              .filter(writtenIds::contains)
              .distinct()
              .toList();
      List<String> expected = written.stream().filter(arrived::contains).toList();
      if (!arrived.equals(expected)) {
        violations++;
        findings.add(topic + ": key " + entry.getKey() + " out of outbox order");
      }
    }
    return violations;
  }

  /** Outbox event ids per key, in the order they were written. */
  /** One topic's outbox rows by key, in outbox order (other topics share the outbox table). */
  private static Map<String, List<String>> outbox(
      TestPostgres.Database db, String topic, Set<String> keys) {
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    for (List<String> chunk : chunks(keys)) {
      for (String[] row :
          query(
              db,
              "select message_key, id::text from outbox_event"
                  + " where topic = ? and message_key = any(?) order by position",
              List.of(topic, chunk),
              rs -> new String[] {rs.getString(1), rs.getString(2)})) {
        byKey.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
      }
    }
    return byKey;
  }

  private Set<String> processed(Collection<String> ids) {
    return processed(coachingDb, CONSUMER, ids);
  }

  private static Set<String> processed(
      TestPostgres.Database db, String consumer, Collection<String> ids) {
    Set<String> applied = new HashSet<>();
    for (List<String> chunk : chunks(ids)) {
      applied.addAll(
          query(
              db,
              "select event_id::text from processed_event where consumer = ? and event_id::text = any(?)",
              List.of(consumer, chunk),
              rs -> rs.getString(1)));
    }
    return applied;
  }

  private record Plan(
      String enrolment, boolean withdrawn, int futureScheduled, Map<String, String> sessions) {}

  private Map<String, Plan> plans(Set<String> keys) {
    Map<String, Plan> plans = new HashMap<>();
    for (List<String> chunk : chunks(keys)) {
      List<String[]> rows =
          query(
              coachingDb,
              """
              select p.enrollment_id::text, p.withdrawn_at is not null, s.id::text, s.status,
                     s.status = 'SCHEDULED' and s.starts_at > now() + interval '1 day'
              from coaching_plan p left join coaching_session s on s.plan_id = p.id
              where p.enrollment_id::text = any(?)
              """,
              List.of(chunk),
              rs ->
                  new String[] {
                    rs.getString(1),
                    Boolean.toString(rs.getBoolean(2)),
                    rs.getString(3),
                    rs.getString(4),
                    Boolean.toString(rs.getBoolean(5))
                  });
      Map<String, List<String[]>> byPlan = rows.stream().collect(Collectors.groupingBy(r -> r[0]));
      for (var entry : byPlan.entrySet()) {
        Map<String, String> sessions = new HashMap<>();
        int future = 0;
        for (String[] r : entry.getValue()) {
          if (r[2] != null) {
            sessions.put(r[2], r[3]);
            future += Boolean.parseBoolean(r[4]) ? 1 : 0;
          }
        }
        plans.put(
            entry.getKey(),
            new Plan(
                entry.getKey(),
                Boolean.parseBoolean(entry.getValue().get(0)[1]),
                future,
                sessions));
      }
    }
    return plans;
  }

  private static int unpublished(TestPostgres.Database db) {
    return query(
            db,
            "select count(*) from outbox_event where published_at is null",
            List.of(),
            rs -> rs.getInt(1))
        .get(0);
  }

  private static List<List<String>> chunks(Collection<String> values) {
    List<String> all = new ArrayList<>(values);
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 500) {
      chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
    }
    return chunks;
  }

  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  static <T> List<T> query(TestPostgres.Database db, String sql, List<Object> params, Row<T> row) {
    try (Connection connection =
            DriverManager.getConnection(db.url(), db.username(), db.password());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        Object param = params.get(i);
        if (param instanceof List<?> list) {
          statement.setArray(i + 1, connection.createArrayOf("text", list.toArray()));
        } else {
          statement.setObject(i + 1, param);
        }
      }
      List<T> result = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          result.add(row.read(rs));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
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
