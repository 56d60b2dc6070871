package org.mhaqi.testing.fuzz;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a fuzz run sent and what came back, with every server error described reproducibly. */
public record FuzzReport(String service, long seed, List<Result> results, Duration took) {

  /**
   * One request and its answer. {@code status} is -1 when no answer came (connection reset,
   * timeout), which counts as a failure as much as a 5xx does.
   */
  public record Result(FuzzRequest request, int status, String answerExcerpt) {

    public boolean failed() {
      return status < 0 || status >= 500;
    }

    /** "2xx", "4xx"...; "none" when no answer came. */
    public String statusClass() {
      return status < 0 ? "none" : (status / 100) + "xx";
    }
  }

  public int size() {
    return results.size();
  }

  public List<Result> failures() {
    return results.stream().filter(Result::failed).toList();
  }

  public Map<String, Long> byCaller() {
    return count(result -> result.request().caller());
  }

  public Map<String, Long> byStatusClass() {
    return count(Result::statusClass);
  }

  public Map<Mutation, Long> byMutation() {
    return results.stream()
        .collect(
            Collectors.groupingBy(
                result -> result.request().mutation(), TreeMap::new, Collectors.counting()));
  }

  /** Request ids ({@code X-Request-Id}) of the requests answered with a status of 400 or more. */
  public Set<String> refusedRequestIds() {
    return results.stream()
        .filter(result -> result.status() >= 400 || result.status() < 0)
        .map(result -> result.request().requestId())
        .collect(Collectors.toSet());
  }

  /** Request ids of the writes (anything but GET) that were accepted with a 2xx. */
  public Set<String> acceptedWriteRequestIds() {
    return results.stream()
        .filter(result -> result.status() >= 200 && result.status() < 300)
        .filter(result -> !result.request().method().equals("GET"))
        .map(result -> result.request().requestId())
        .collect(Collectors.toSet());
  }

  /**
   * One line for the build log, e.g. {@code fuzz enrollment-service seed=123: 3200 requests (ADMIN
   * 800, ...), 2xx 310, 4xx 2890, 5xx 0}.
   */
  public String summary() {
    Map<String, Long> statuses = byStatusClass();
    return "fuzz "
        + service
        + " seed="
        + seed
        + ": "
        + size()
        + " requests ("
        + byCaller().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "))
        + "), "
        + Set.of("2xx", "3xx", "4xx", "5xx", "none").stream()
            .sorted()
            .filter(statusClass -> statusClass.equals("5xx") || statuses.containsKey(statusClass))
            .map(statusClass -> statusClass + " " + statuses.getOrDefault(statusClass, 0L))
            .collect(Collectors.joining(", "))
        + " in "
        + took.toSeconds()
        + " s";
  }

  /** The summary, then each failure with what reproduces it; for an assertion message. */
  public String failureReport() {
    StringBuilder report = new StringBuilder(summary());
    report
        .append("\nRerun with -Dfuzz.seed=")
        .append(seed)
        .append(" to send the same requests: request #n depends on the seed and n alone.");
    for (Result failure : failures()) {
      report
          .append("\n  ")
          .append(failure.status() < 0 ? "no answer" : failure.status())
          .append(" <- ")
          .append(failure.request().describe())
          .append("\n     answer: ")
          .append(failure.answerExcerpt());
    }
    return report.toString();
  }

  private Map<String, Long> count(Function<Result, String> key) {
    return results.stream()
        .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }
}
