package org.mhaqi.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** An in-memory stand-in for the enrollment-service API, just enough for {@link DemoData}. */
final class FakeEnrollmentApi implements AutoCloseable {

  static {
    // Without it, Nagle and delayed ACKs cost about 40 ms per request.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final Pattern UUID_PART = Pattern.compile("([0-9a-f-]{36})");

  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpServer server;
  private final Map<String, ObjectNode> programmes = new LinkedHashMap<>();
  private final Map<String, ObjectNode> phases = new LinkedHashMap<>();
  private final Map<String, ObjectNode> organisations = new LinkedHashMap<>();
  private final Map<String, ObjectNode> services = new LinkedHashMap<>();
  final Map<String, ObjectNode> enrolments = new LinkedHashMap<>();
  private final Map<String, ObjectNode> members = new LinkedHashMap<>();
  final List<String> requests = new ArrayList<>();

  /** When set, answers this path with a 400 problem. */
  volatile String failOn;

  FakeEnrollmentApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  synchronized String phaseIdByKind(String kind) {
    return phases.entrySet().stream()
        .filter(e -> e.getValue().path("kind").asString().equals(kind))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    requests.add(method + " " + path);
    byte[] raw = exchange.getRequestBody().readAllBytes();
    JsonNode body = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
    try {
      if (failOn != null && path.startsWith(failOn)) {
        problem(exchange, 400, "Bad Request", "rejected by the test");
        return;
      }
      route(exchange, method, path, body);
    } catch (RuntimeException e) {
      problem(exchange, 500, "Internal Server Error", e.toString());
    }
  }

  private void route(HttpExchange ex, String method, String path, JsonNode body)
      throws IOException {
    String[] ids = ids(path);
    if (method.equals("GET") && path.equals("/api/programmes")) {
      ArrayNode list = json.createArrayNode();
      programmes.values().forEach(list::add);
      send(ex, 200, list);
    } else if (method.equals("POST") && path.equals("/api/programmes")) {
      send(ex, 201, store(programmes, copy(body)));
    } else if (method.equals("POST") && path.matches("/api/programmes/[^/]+/phases")) {
      ObjectNode phase = copy(body).put("programmeId", ids[0]);
      send(ex, 201, store(phases, phase));
    } else if (method.equals("POST") && path.equals("/api/organisations")) {
      send(ex, 201, store(organisations, copy(body)));
    } else if (method.equals("POST") && path.matches("/api/organisations/[^/]+/services")) {
      send(ex, 201, store(services, copy(body).put("organisationId", ids[0])));
    } else if (method.equals("POST") && path.equals("/api/enrollments")) {
      ObjectNode service = services.get(body.path("serviceId").asString(""));
      ObjectNode org = organisations.get(service.path("organisationId").asString());
      boolean independent =
          org.path("providerType").asString().equals("INDEPENDENT_SECTOR_PROVIDER");
      ObjectNode enrolment =
          copy(body)
              .put("status", independent ? "DECLINED" : "INTERESTED")
              .putNull("executiveCommitment");
      send(ex, 201, store(enrolments, enrolment));
    } else if (method.equals("POST") && path.matches("/api/enrollments/[^/]+/team-members")) {
      send(ex, 201, store(members, copy(body).put("enrollmentId", ids[0])));
    } else if (method.equals("PUT")
        && path.matches("/api/enrollments/[^/]+/executive-commitment")) {
      ObjectNode enrolment = enrolments.get(ids[0]);
      ObjectNode sponsor = members.get(body.path("sponsorMemberId").asString(""));
      if (sponsor == null
          || !sponsor.path("enrollmentId").asString().equals(ids[0])
          || !sponsor.path("role").asString().equals("EXECUTIVE_SPONSOR")) {
        problem(ex, 422, "Unprocessable Content", "not an executive sponsor of this enrolment");
        return;
      }
      enrolment.set("executiveCommitment", copy(body));
      send(ex, 200, enrolment);
    } else if (method.equals("POST") && path.matches("/api/enrollments/[^/]+/admission")) {
      ObjectNode enrolment = enrolments.get(ids[0]);
      if (!enrolment.path("executiveCommitment").isObject()) {
        problem(ex, 409, "Conflict", "no executive commitment");
        return;
      }
      String phaseId = enrolment.path("phaseId").asString();
      long enrolled =
          enrolments.values().stream()
              .filter(e -> e.path("phaseId").asString().equals(phaseId))
              .filter(e -> e.path("status").asString().equals("ENROLLED"))
              .count();
      int capacity = phases.get(phaseId).path("capacity").asInt();
      enrolment.put("status", enrolled < capacity ? "ENROLLED" : "WAITLISTED");
      send(ex, 200, enrolment);
    } else if (method.equals("POST") && path.matches("/api/phases/[^/]+/carry-over")) {
      String widerId = ids[0];
      String programmeId = phases.get(widerId).path("programmeId").asString();
      String pilotId =
          phases.entrySet().stream()
              .filter(e -> e.getValue().path("programmeId").asString().equals(programmeId))
              .filter(e -> e.getValue().path("kind").asString().equals("PILOT"))
              .findFirst()
              .orElseThrow()
              .getKey();
      ArrayNode created = json.createArrayNode();
      for (ObjectNode pilot : new ArrayList<>(enrolments.values())) {
        String status = pilot.path("status").asString();
        if (pilot.path("phaseId").asString().equals(pilotId)
            && (status.equals("WAITLISTED") || status.equals("INTERESTED"))) {
          ObjectNode copy =
              json.createObjectNode()
                  .put("serviceId", pilot.path("serviceId").asString())
                  .put("phaseId", widerId)
                  .put("status", "INTERESTED")
                  .put("carriedOverFrom", pilot.path("id").asString())
                  .putNull("executiveCommitment");
          created.add(store(enrolments, copy));
        }
      }
      send(ex, 200, created);
    } else if (method.equals("GET") && path.matches("/api/phases/[^/]+")) {
      ObjectNode counts = json.createObjectNode();
      for (String status : List.of("INTERESTED", "DECLINED", "WAITLISTED", "ENROLLED")) {
        counts.put(
            status,
            enrolments.values().stream()
                .filter(e -> e.path("phaseId").asString().equals(ids[0]))
                .filter(e -> e.path("status").asString().equals(status))
                .count());
      }
      ObjectNode phase = phases.get(ids[0]).deepCopy();
      phase.set("enrolments", counts);
      send(ex, 200, phase);
    } else {
      problem(ex, 404, "Not Found", method + " " + path);
    }
  }

  private String[] ids(String path) {
    Matcher m = UUID_PART.matcher(path);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return found.toArray(String[]::new);
  }

  private ObjectNode copy(JsonNode body) {
    return ((ObjectNode) body).deepCopy();
  }

  private ObjectNode store(Map<String, ObjectNode> table, ObjectNode node) {
    String id = UUID.randomUUID().toString();
    node.put("id", id);
    table.put(id, node);
    return node;
  }

  private void problem(HttpExchange ex, int status, String title, String detail)
      throws IOException {
    ObjectNode problem =
        json.createObjectNode()
            .put("type", "about:blank")
            .put("title", title)
            .put("status", status)
            .put("detail", detail);
    write(ex, status, "application/problem+json", json.writeValueAsBytes(problem));
  }

  private void send(HttpExchange ex, int status, JsonNode body) throws IOException {
    write(ex, status, "application/json", json.writeValueAsBytes(body));
  }

  private static void write(HttpExchange ex, int status, String type, byte[] bytes)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
    ex.close();
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
