package org.mhaqi.console.layout;

import java.util.List;

/** One step of a page's breadcrumbs. */
public record Crumb(String label, String href) {

  public static final Crumb HOME = new Crumb("Home", "/");

  /** Home, then the given steps. */
  public static List<Crumb> trail(Crumb... steps) {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(HOME), java.util.Arrays.stream(steps))
        .toList();
  }
}
