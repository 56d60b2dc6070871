package org.mhaqi.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.web.RejectedInputException.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class RejectedInputExceptionTest {

  @Test
  void theAnswerNamesTheFirstFieldAndListsEveryProblemWithItsRow() {
    RejectedInputException e =
        new RejectedInputException(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "invalid-data-return",
            List.of(
                new Problem(3, "numerator", "311 is above the denominator 310"),
                Problem.of("month", "2024-08 lies outside every enrolment of the service")));

    ResponseEntity<ProblemDetail> answer = e.toResponse();

    assertThat(e.getMessage())
        .isEqualTo(
            "row 3: numerator: 311 is above the denominator 310; month: 2024-08 lies outside every"
                + " enrolment of the service");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    ProblemDetail body = answer.getBody();
    assertThat(body.getType().toString()).isEqualTo("urn:mhaqi:problem:invalid-data-return");
    assertThat(body.getTitle()).isEqualTo("Invalid request content");
    assertThat(body.getDetail()).isEqualTo(e.getMessage());
    assertThat(body.getProperties())
        .containsEntry("field", "numerator")
        .containsEntry(
            "errors",
            List.of(
                Map.of(
                    "row", 3, "field", "numerator", "message", "311 is above the denominator 310"),
                Map.of(
                    "field",
                    "month",
                    "message",
                    "2024-08 lies outside every enrolment of the service")));
  }

  @Test
  void aConflictIsTitledAsOne() {
    RejectedInputException e =
        new RejectedInputException(
            HttpStatus.CONFLICT,
            "duplicate-data-return",
            List.of(Problem.of("correction", "exists")));

    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(e.problems()).containsExactly(new Problem(null, "correction", "exists"));
    assertThat(e.toResponse().getBody().getTitle()).isEqualTo("Conflicts with existing data");
  }

  @Test
  void aRejectionNamesAtLeastOneProblem() {
    assertThatThrownBy(() -> new RejectedInputException(HttpStatus.BAD_REQUEST, "x", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
