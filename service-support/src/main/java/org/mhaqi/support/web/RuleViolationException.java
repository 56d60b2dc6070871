package org.mhaqi.support.web;

import org.springframework.http.HttpStatus;

/**
 * A well-formed request that breaks a business rule: an illegal transition, a date outside the
 * phase, enrolment without commitment. Answered with the given status and the offending field.
 */
public class RuleViolationException extends RuntimeException {

  private final String field;
  private final HttpStatus status;
  private final String code;

  public RuleViolationException(HttpStatus status, String code, String field, String message) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  /** 409: the request conflicts with the current state (e.g. an illegal transition). */
  public static RuleViolationException conflict(String code, String field, String message) {
    return new RuleViolationException(HttpStatus.CONFLICT, code, field, message);
  }

  /** 422: the request is well-formed but its content breaks a rule. */
  public static RuleViolationException unprocessable(String code, String field, String message) {
    return new RuleViolationException(HttpStatus.UNPROCESSABLE_CONTENT, code, field, message);
  }

  public String field() {
    return field;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }
}
