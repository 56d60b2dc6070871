package org.mhaqi.evaluation.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Bad input with one or more problems, each naming its field (and, for an uploaded CSV file, its
 * row), answered as RFC 9457 problem+json like service-support's {@code ProblemHandling} answers:
 * {@code type} {@code urn:mhaqi:problem:<code>}, {@code field} (the first) and {@code errors}
 * (every one, with {@code row} where there is one). Nothing was written.
 */
public class RejectedInputException extends RuntimeException {

  /**
   * One problem.
   *
   * @param row the CSV row (the header is row 1), or null for JSON input
   * @param field the offending field (JSON path, or CSV column)
   */
  public record Problem(Integer row, String field, String message) {

    public static Problem of(String field, String message) {
      return new Problem(null, field, message);
    }

    String describe() {
      return (row == null ? "" : "row " + row + ": ") + field + ": " + message;
    }
  }

  private final HttpStatus status;
  private final String code;
  private final List<Problem> problems;

  public RejectedInputException(HttpStatus status, String code, List<Problem> problems) {
    super(problems.stream().map(Problem::describe).collect(Collectors.joining("; ")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("A rejection names at least one problem");
    }
    this.status = status;
    this.code = code;
    this.problems = List.copyOf(problems);
  }

  public HttpStatus status() {
    return status;
  }

  public List<Problem> problems() {
    return problems;
  }

  /** The problem+json answer. */
  public ResponseEntity<ProblemDetail> toResponse() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
    problem.setType(URI.create("urn:mhaqi:problem:" + code));
    problem.setTitle(
        status == HttpStatus.CONFLICT ? "Conflicts with existing data" : "Invalid request content");
    problem.setProperty("field", problems.get(0).field());
    problem.setProperty(
        "errors",
        problems.stream()
            .map(
                p -> {
                  Map<String, Object> error = new LinkedHashMap<>();
                  if (p.row() != null) {
                    error.put("row", p.row());
                  }
                  error.put("field", p.field());
                  error.put("message", p.message());
                  return error;
                })
            .toList());
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
