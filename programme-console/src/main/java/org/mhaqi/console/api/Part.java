package org.mhaqi.console.api;

/**
 * One part of a page, from one service: its content, or why it is missing (a sentence for the
 * user). A page shows the parts it has and says which are unavailable.
 */
public record Part<T>(T value, String unavailable) {

  public static <T> Part<T> of(T value) {
    return new Part<>(value, null);
  }

  public static <T> Part<T> missing(String why) {
    return new Part<>(null, why);
  }

  public boolean available() {
    return unavailable == null;
  }
}
