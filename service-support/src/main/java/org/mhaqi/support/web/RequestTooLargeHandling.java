package org.mhaqi.support.web;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Answers a body over its limit as 413 problem+json in the style of {@link ProblemHandling}: one
 * counted while being read ({@link RequestTooLargeException}, also when a parser wrapped it), and a
 * multipart upload over {@code spring.servlet.multipart.*}, which would otherwise be a 500 or a
 * bare problem of Spring's.
 */
@RestControllerAdvice
// Before ProblemHandling, whose catch-all would answer the wrapped exception as malformed or a 500.
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
public class RequestTooLargeHandling {

  static final String TYPE = "urn:mhaqi:problem:payload-too-large";
  static final String TITLE = "Request body too large";

  @ExceptionHandler(RequestTooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge(RequestTooLargeException e) {
    return answer(detail(e.limit()));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e) {
    return answer(
        e.getMaxUploadSize() > 0
            ? detail(e.getMaxUploadSize())
            : "The upload is larger than the limit of this service");
  }

  /** What the body's limit is, as the problem's detail. */
  static String detail(long limit) {
    return "The request body is larger than the limit of " + limit + " bytes";
  }

  private static ResponseEntity<ProblemDetail> answer(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
    problem.setType(URI.create(TYPE));
    problem.setTitle(TITLE);
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
