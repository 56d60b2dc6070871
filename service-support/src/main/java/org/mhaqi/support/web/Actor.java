package org.mhaqi.support.web;

/**
 * Who made a request, for the history of what it changed. Taken from the {@code X-Actor} header
 * until the platform authenticates its users; it stays in the service that recorded it.
 */
public final class Actor {

  public static final String HEADER = "X-Actor";
  public static final String UNNAMED = "programme-team";

  private static final int MAX_LENGTH = 200;

  private Actor() {}

  public static String of(String header) {
    if (header == null || header.isBlank()) {
      return UNNAMED;
    }
    String actor = header.strip();
    return actor.length() > MAX_LENGTH ? actor.substring(0, MAX_LENGTH) : actor;
  }
}
