package org.mhaqi.console.layout;

import java.util.Locale;

/** The services' constants as words on a page ("ACUTE_WARD" reads "Acute ward"). */
public final class Words {

  private Words() {}

  public static String plain(String constant) {
    if (constant == null || constant.isBlank()) {
      return "";
    }
    String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
