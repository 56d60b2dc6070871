package org.mhaqi.support.web;

import org.mhaqi.support.security.Callers;

/**
 * Who made a request, for the history of what it changed: the subject of the caller's token, never
 * a header. It stays in the service that recorded it.
 */
public final class Actor {

  private Actor() {}

  /** The subject of the current request's token; "system" outside a request. */
  public static String current() {
    return Callers.current().subject();
  }

  /**
   * The current caller, whatever the header says.
   *
   * @deprecated the {@code X-Actor} header is no longer read: use {@link #current()}
   */
  @Deprecated(forRemoval = true)
  public static String of(String ignoredHeader) {
    return current();
  }

  /** The header callers used to name themselves with; ignored now. */
  @Deprecated(forRemoval = true)
  public static final String HEADER = "X-Actor";
}
