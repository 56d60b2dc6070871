package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.testing.TestTokens;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * Bodies over their limit (service-support's RequestSizeLimit: 1 MB for JSON, 5 MB for CSV and
 * multipart uploads) are refused with 413 problem+json and nothing is stored, whether they declare
 * their length or arrive chunked. The bodies are otherwise valid returns, padded with what the
 * formats ignore (JSON whitespace, blank CSV lines), so without the limit they would be stored.
 */
class RequestSizeLimitIT extends EvaluationIntegrationTest {

  private static final String PATH = "/api/services/{serviceId}/data-returns";
  private static final int MB = 1024 * 1024;

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Test
  void aJsonBodyOverTheLimitIsRefusedBeforeItIsReadAndNothingIsStored() {
    EnrolledService e = enrol(4);

    Answer answer = send(e, "application/json", jsonReturn(e, MB + 1), false);

    assertTooLarge(answer, 1 * MB);
    assertNothingStored(e);
  }

  @Test
  void aChunkedJsonBodyIsStoppedAtTheFirstByteOverTheLimitAndNothingIsStored() {
    EnrolledService e = enrol(4);

    Answer answer = send(e, "application/json", jsonReturn(e, MB + 1), true);

    assertTooLarge(answer, 1 * MB);
    assertNothingStored(e);
  }

  @Test
  void aJsonBodyWithinTheLimitIsStoredPaddingAndAll() {
    EnrolledService e = enrol(4);

    Answer answer = send(e, "application/json", jsonReturn(e, MB - 100), true);

    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    assertThat(returnsOf(e.serviceId())).isEqualTo(1);
  }

  @Test
  void aCsvFileMayBeLargerThanAJsonBodyButNotLargerThanTheUploadLimit() {
    EnrolledService stored = enrol(4);
    EnrolledService refused = enrol(4);

    Answer within = send(stored, "text/csv", csvReturn(2 * MB), true);
    Answer over = send(refused, "text/csv", csvReturn(5 * MB + 1), true);

    assertThat(within.status()).as(within.body()).isEqualTo(201);
    assertThat(returnsOf(stored.serviceId())).isEqualTo(1);
    assertTooLarge(over, 5 * MB);
    assertNothingStored(refused);
  }

  @Test
  void aMultipartUploadOverTheLimitIsAProblemNotAServerErrorDeclaredOrChunked() {
    EnrolledService e = enrol(4);
    String boundary = "mhaqi-" + UUID.randomUUID();
    byte[] form = multipart(boundary, csvReturn(5 * MB + 1));
    String type = "multipart/form-data; boundary=" + boundary;

    Answer declared = send(e, type, form, false);
    // Chunked, the servlet container's multipart limits (spring.servlet.multipart) stop it.
    Answer chunked = send(e, type, form, true);

    assertTooLarge(declared, 5 * MB);
    assertThat(chunked.status()).as(chunked.body()).isEqualTo(413);
    assertThat(chunked.contentType()).isEqualTo("application/problem+json");
    assertThat(json.readTree(chunked.body()).path("type").asString())
        .isEqualTo("urn:mhaqi:problem:payload-too-large");
    assertNothingStored(e);
  }

  @Test
  void theServicesConnectionsHaveAStatementTimeout() {
    // service-defaults.yml sets it on every pooled connection (DB_STATEMENT_TIMEOUT).
    assertThat(jdbc.sql("show statement_timeout").query(String.class).single()).isEqualTo("30s");
  }

  private void assertTooLarge(Answer answer, long limit) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(413);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    JsonNode problem = json.readTree(answer.body());
    assertThat(problem.path("type").asString()).isEqualTo("urn:mhaqi:problem:payload-too-large");
    assertThat(problem.path("status").asInt()).isEqualTo(413);
    assertThat(problem.path("detail").asString()).contains(String.valueOf(limit));
  }

  private void assertNothingStored(EnrolledService e) {
    assertThat(returnsOf(e.serviceId())).isZero();
    assertThat(outboxEvents(e.enrollmentId())).isZero();
  }

  /** A valid JSON return padded with whitespace to {@code size} bytes. */
  private byte[] jsonReturn(EnrolledService e, int size) {
    String body =
        """
        {"measureCode":"RESTRICTIVE_INTERVENTIONS","month":"%s",
         "strata":[{"code":"A","numerator":14,"denominator":1240}]}"""
            .formatted(month());
    return pad(body, size, ' ');
  }

  /** A valid CSV return padded with blank lines to {@code size} bytes. */
  private byte[] csvReturn(int size) {
    String csv =
        "measure_code,month,stratum_code,numerator,denominator\n"
            + "RESTRICTIVE_INTERVENTIONS,"
            + month()
            + ",A,14,1240\n";
    return pad(csv, size, '\n');
  }

  private YearMonth month() {
    return thisMonth().minusMonths(2);
  }

  private static byte[] pad(String content, int size, char padding) {
    byte[] text = content.getBytes(StandardCharsets.UTF_8);
    byte[] padded = new byte[size];
    System.arraycopy(text, 0, padded, 0, text.length);
    java.util.Arrays.fill(padded, text.length, size, (byte) padding);
    return padded;
  }

  private static byte[] multipart(String boundary, byte[] file) {
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"returns.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] form = new byte[head.length + file.length + tail.length];
    System.arraycopy(head, 0, form, 0, head.length);
    System.arraycopy(file, 0, form, head.length, file.length);
    System.arraycopy(tail, 0, form, head.length + file.length, tail.length);
    return form;
  }

  private record Answer(int status, String contentType, String body) {}

  /**
   * POSTs the body with its Content-Length, or chunked: a body publisher of unknown length is sent
   * with {@code Transfer-Encoding: chunked}.
   */
  private Answer send(EnrolledService e, String contentType, byte[] body, boolean chunked) {
    HttpRequest.BodyPublisher publisher =
        chunked
            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
            : HttpRequest.BodyPublishers.ofByteArray(body);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + expand(PATH, e.serviceId())))
            .header("Content-Type", contentType)
            .header("Authorization", "Bearer " + TestTokens.admin())
            .timeout(Duration.ofSeconds(30))
            .POST(publisher)
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(ex);
    }
  }
}
