package org.mhaqi.support.web;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every kind of bad input into an RFC 9457 problem+json answer that names the problem and the
 * offending field: {@code field} (the first) and {@code errors} (all of them, field and message).
 * Bad input is never a 500.
 */
@RestControllerAdvice
// After DatabaseUnavailableHandling, which answers the database's transient failures.
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class ProblemHandling extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

  private static final String TYPE_PREFIX = "urn:mhaqi:problem:";

  /** One offending field and what is wrong with it. */
  public record FieldProblem(String field, String message) {}

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e, WebRequest request) {
    // An unknown id in the path is a missing resource; one in the body is invalid content.
    HttpStatus status = e.field() == null ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT;
    return problem(
        status,
        "not-found",
        "Not found",
        e.getMessage(),
        e.field() == null ? List.of() : List.of(new FieldProblem(e.field(), e.getMessage())),
        request);
  }

  @ExceptionHandler(RuleViolationException.class)
  ResponseEntity<Object> ruleViolation(RuleViolationException e, WebRequest request) {
    return problem(
        e.status(),
        e.code(),
        "Request breaks a programme rule",
        e.getMessage(),
        e.field() == null ? List.of() : List.of(new FieldProblem(e.field(), e.getMessage())),
        request);
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException e, WebRequest request) {
    return problem(
        HttpStatus.CONFLICT,
        "concurrent-change",
        "Changed by someone else",
        "The resource was changed by another request at the same time; read it again and retry.",
        List.of(),
        request);
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Object> integrity(DataIntegrityViolationException e, WebRequest request) {
    log.info("Request refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
    return problem(
        HttpStatus.CONFLICT,
        "conflict",
        "Conflicts with existing data",
        "The request conflicts with data that already exists.",
        List.of(),
        request);
  }

  /**
   * A parameter breaking a constraint of a {@code @Validated} controller (a negative offset, say):
   * a 400 naming the parameter, as for any other invalid parameter.
   */
  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraintViolation(ConstraintViolationException e, WebRequest request) {
    List<FieldProblem> fields =
        e.getConstraintViolations().stream()
            .map(
                violation -> {
                  String parameter = null;
                  for (Path.Node node : violation.getPropertyPath()) {
                    parameter = node.getName();
                  }
                  return new FieldProblem(parameter, violation.getMessage());
                })
            .sorted(java.util.Comparator.comparing(FieldProblem::field))
            .toList();
    return problem(
        HttpStatus.BAD_REQUEST,
        "invalid-parameter",
        "Invalid request parameter",
        fields.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")),
        fields,
        request);
  }

  /**
   * A multipart body that cannot be parsed (no boundary, cut short) is the client's mistake; too
   * large a one stays the base class's 413.
   */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> malformedMultipart(MultipartException e, WebRequest request) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "malformed-body",
        "Malformed request body",
        "The multipart request body could not be read",
        List.of(),
        request);
  }

  /** Anything else is our fault: a 500 that still speaks problem+json and names the trace. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
    log.error("Request failed unexpectedly", e);
    String traceId = MDC.get("traceId");
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "The request could not be completed"
            + (traceId == null ? "" : "; the error is logged under trace id " + traceId),
        List.of(),
        request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
    SupportedDates.DateOutOfRangeException outOfRange = outOfRange(e);
    String message =
        outOfRange != null
            ? outOfRange.getMessage()
            : "'"
                + e.getValue()
                + "' is not a valid "
                + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName());
    return problem(
        HttpStatus.BAD_REQUEST,
        "invalid-parameter",
        "Invalid request parameter",
        e.getName() + ": " + message,
        List.of(new FieldProblem(e.getName(), message)),
        request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems =
        e.getBindingResult().getFieldErrors().stream()
            .map(ProblemHandling::toProblem)
            .sorted((a, b) -> a.field().compareTo(b.field()))
            .toList();
    List<FieldProblem> globals =
        e.getBindingResult().getGlobalErrors().stream()
            .map(error -> new FieldProblem(error.getObjectName(), error.getDefaultMessage()))
            .toList();
    List<FieldProblem> all =
        java.util.stream.Stream.concat(problems.stream(), globals.stream()).toList();
    return problem(
        HttpStatus.BAD_REQUEST,
        "validation-failed",
        "Invalid request content",
        all.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")),
        all,
        request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> all =
        e.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                new FieldProblem(
                                    result.getMethodParameter().getParameterName(),
                                    error.getDefaultMessage())))
            .toList();
    return problem(
        HttpStatus.BAD_REQUEST,
        "validation-failed",
        "Invalid request",
        all.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")),
        all,
        request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      String field = path(unknown);
      return problem(
          HttpStatus.BAD_REQUEST,
          "unknown-field",
          "Unknown field",
          "Unknown field '" + field + "'",
          List.of(new FieldProblem(field, "is not a field of this request")),
          request);
    }
    if (cause instanceof InvalidFormatException invalid) {
      String field = path(invalid);
      String message =
          invalid.getValue() instanceof java.time.temporal.Temporal
              ? "'"
                  + invalid.getValue()
                  + "' is outside the supported dates, "
                  + SupportedDates.RANGE
              : "'" + invalid.getValue() + "' is not a valid " + describe(invalid);
      return problem(
          HttpStatus.BAD_REQUEST,
          "invalid-value",
          "Invalid field value",
          field + ": " + message,
          List.of(new FieldProblem(field, message)),
          request);
    }
    if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
      String field = path(jackson);
      String message = "has the wrong type or shape";
      return problem(
          HttpStatus.BAD_REQUEST,
          "invalid-value",
          "Invalid field value",
          field + ": " + message,
          List.of(new FieldProblem(field, message)),
          request);
    }
    return problem(
        HttpStatus.BAD_REQUEST,
        "malformed-body",
        "Malformed request body",
        "The request body is missing or is not valid JSON",
        List.of(),
        request);
  }

  /** The out-of-range date behind a failed parameter conversion, if that is what failed. */
  private static SupportedDates.DateOutOfRangeException outOfRange(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SupportedDates.DateOutOfRangeException outOfRange) {
        return outOfRange;
      }
    }
    return null;
  }

  private static String describe(InvalidFormatException invalid) {
    Class<?> target = invalid.getTargetType();
    if (target != null && target.isEnum()) {
      return "value; expected one of "
          + java.util.Arrays.stream(target.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
    }
    return target == null ? "value" : target.getSimpleName();
  }

  private static String path(JacksonException e) {
    return e.getPath().stream()
        .map(
            reference ->
                reference.getPropertyName() != null
                    ? reference.getPropertyName()
                    : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static FieldProblem toProblem(FieldError error) {
    return new FieldProblem(error.getField(), error.getDefaultMessage());
  }

  private ResponseEntity<Object> problem(
      HttpStatusCode status,
      String code,
      String title,
      String detail,
      List<FieldProblem> fields,
      WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_PREFIX + code));
    problem.setTitle(title);
    if (!fields.isEmpty()) {
      problem.setProperty("field", fields.get(0).field());
      problem.setProperty(
          "errors",
          fields.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
    }
    HttpHeaders headers = new HttpHeaders();
    return handleExceptionInternal(new ProblemException(detail), problem, headers, status, request);
  }

  /** Stands in for the cause when the base class wants an exception to go with the body. */
  private static final class ProblemException extends RuntimeException {
    ProblemException(String message) {
      super(message, null, false, false);
    }
  }
}
