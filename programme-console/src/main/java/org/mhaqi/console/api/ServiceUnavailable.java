package org.mhaqi.console.api;

/** A service could not do what the user asked: a sentence saying which part and what to do. */
public final class ServiceUnavailable extends RuntimeException {

  public ServiceUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
