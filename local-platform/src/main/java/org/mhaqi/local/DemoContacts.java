package org.mhaqi.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The demo's contacts in notification-service, loaded before the demo's enrolments so that their
 * decisions and session invitations reach the local mail server: a QI lead for each demo
 * organisation (every kind of message) and the central team (the weekly digest). Fictional
 * addresses at example.nhs.uk; run again, it adds nothing.
 */
public final class DemoContacts {

  static final String CENTRAL_TEAM_ADDRESS = "central.team@example.nhs.uk";

  private static final String ALL_KINDS =
      "[\"ENROLLMENT_DECISIONS\", \"SESSION_INVITATIONS\", \"SESSION_REMINDERS\", \"DATA_RETURNS\","
          + " \"SPECIAL_CAUSES\"]";

  private DemoContacts() {}

  /** The address the demo organisation's QI lead reads, e.g. qi.lead.rx4@example.nhs.uk. */
  static String qiLeadAddress(String odsCode) {
    return "qi.lead." + odsCode.toLowerCase(Locale.ROOT) + "@example.nhs.uk";
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    URI base =
        URI.create((args.length > 0 ? args[0] : "http://127.0.0.1:8084").replaceAll("/+$", ""));
    Supplier<String> token = ClientCredentials.platformFromEnvironment();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> existing =
        http.send(
            request(base, "/api/contacts", token).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (existing.statusCode() == 200 && existing.body().contains(CENTRAL_TEAM_ADDRESS)) {
      System.out.println("demo contacts already loaded");
      return;
    }
    int added = 0;
    for (DemoCatalogue.Organisation org : DemoCatalogue.ORGANISATIONS) {
      added +=
          post(
              http,
              base,
              token,
              """
              {"name": "QI lead %s", "email": "%s", "scope": "ORGANISATION", "odsCode": "%s", "kinds": %s}
              """
                  .formatted(
                      org.odsCode(), qiLeadAddress(org.odsCode()), org.odsCode(), ALL_KINDS));
    }
    added +=
        post(
            http,
            base,
            token,
            """
            {"name": "Central team", "email": "%s", "scope": "CENTRAL_TEAM", "kinds": ["WEEKLY_DIGEST"]}
            """
                .formatted(CENTRAL_TEAM_ADDRESS));
    System.out.println("Demo contacts loaded into " + base + ": " + added);
  }

  private static int post(HttpClient http, URI base, Supplier<String> token, String json)
      throws IOException, InterruptedException {
    HttpResponse<String> answer =
        http.send(
            request(base, "/api/contacts", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 201) {
      System.err.println("DemoContacts: POST /api/contacts answered " + answer.statusCode());
      System.exit(1);
    }
    return 1;
  }

  private static HttpRequest.Builder request(URI base, String path, Supplier<String> token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    String bearer = token.get();
    return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
  }
}
