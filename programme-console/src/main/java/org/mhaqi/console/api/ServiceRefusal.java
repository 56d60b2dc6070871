package org.mhaqi.console.api;

import java.util.List;

/** A service refused what the user sent (400, 409, 422): the reasons, for the form's summary. */
public final class ServiceRefusal extends RuntimeException {

  private final transient List<FieldError> errors;

  public ServiceRefusal(List<FieldError> errors) {
    super(errors.isEmpty() ? "refused" : errors.get(0).message());
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
