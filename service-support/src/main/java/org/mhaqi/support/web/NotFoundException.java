package org.mhaqi.support.web;

/** A path or body names something that does not exist: answered 404 (or 422 for a body field). */
public class NotFoundException extends RuntimeException {

  private final String field;

  /**
   * @param what what was looked for, e.g. "enrolment"
   * @param id the id that was not found
   * @param field the request field that named it, or null when it came from the path
   */
  public NotFoundException(String what, Object id, String field) {
    super("No " + what + " with id " + id);
    this.field = field;
  }

  public NotFoundException(String what, Object id) {
    this(what, id, null);
  }

  public String field() {
    return field;
  }
}
