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
}
