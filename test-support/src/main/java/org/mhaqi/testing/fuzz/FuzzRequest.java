package org.mhaqi.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * One generated request: which caller sends it, what it mutates, and its exact method, target (path
 * and query, already encoded), headers and body bytes.
 *
 * @param index its place in the run; with the seed it regenerates the request
 * @param caller the role (or "ANONYMOUS", "EXPIRED"...) whose token is sent
 * @param operation the documented operation, e.g. {@code POST /api/enrollments}
 * @param body the body sent, or its first kilobyte once {@link #trimmed()}
 * @param bodyLength how many bytes the body sent had
 * @param detail what was changed and to what, for a person reading a failure
 */
public record FuzzRequest(
    long seed,
    int index,
    String caller,
    Mutation mutation,
    String operation,
    String method,
    String target,
    Map<String, String> headers,
    byte[] body,
    int bodyLength,
    String detail) {

  private static final int KEPT_BODY = 1024;

  /** The {@code X-Request-Id} it is sent with, so the service's audit trail can be matched. */
  public String requestId() {
    return "fuzz-" + index;
  }

  /**
   * The same request with no more than the start of its body: what a report keeps, so that a run's
   * megabyte bodies are not all held until it ends.
   */
  public FuzzRequest trimmed() {
    return body.length <= KEPT_BODY
        ? this
        : new FuzzRequest(
            seed,
            index,
            caller,
            mutation,
            operation,
            method,
            target,
            headers,
            Arrays.copyOf(body, KEPT_BODY),
            bodyLength,
            detail);
  }

  /** Enough to reproduce it: the seed, its index and what it sent. */
  public String describe() {
    String text = new String(body, StandardCharsets.UTF_8);
    String excerpt =
        text.length() > 300 ? text.substring(0, 300) + "... (" + body.length + " bytes)" : text;
    return "seed="
        + seed
        + " #"
        + index
        + " "
        + caller
        + " "
        + mutation
        + " "
        + method
        + " "
        + (target.length() > 300 ? target.substring(0, 300) + "..." : target)
        + " ["
        + detail
        + "]"
        + (headers.containsKey("Content-Type")
            ? " Content-Type: " + headers.get("Content-Type")
            : "")
        + (body.length > 0 ? " body: " + excerpt.replace("\r", "\\r").replace("\n", "\\n") : "");
  }
}
