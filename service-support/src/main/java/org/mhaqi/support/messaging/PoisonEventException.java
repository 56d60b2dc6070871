package org.mhaqi.support.messaging;

/**
 * A message that can never be applied, however often it is retried: missing envelope headers, an
 * unknown schema version, a payload that is not the JSON of its type. The binding sends it to its
 * dead-letter topic with this message as the reason and goes on with the next one.
 */
public class PoisonEventException extends RuntimeException {

  public PoisonEventException(String message) {
    super(message);
  }

  public PoisonEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
