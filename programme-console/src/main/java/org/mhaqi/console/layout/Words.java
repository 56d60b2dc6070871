package org.mhaqi.console.layout;

import java.util.Locale;
import java.util.Set;

/** The services' constants as words on a page ("ADULT_ACUTE" reads "Adult acute"). */
public final class Words {

  /** Abbreviations that stay in capitals. */
  private static final Set<String> ABBREVIATIONS = Set.of("CAMHS", "PICU", "NHS", "ICB", "MHA");

  private static final Set<String> SMALL = Set.of("and", "of", "the", "in");

  private Words() {}

  /** Sentence case, as the NHS.UK style wants for labels. */
  public static String plain(String constant) {
    return words(constant, false);
  }

  /**
   * A proper name such as a region: "NORTH_EAST_AND_YORKSHIRE" reads "North East and Yorkshire".
   */
  public static String name(String constant) {
    return words(constant, true);
  }

  private static String words(String constant, boolean everyWord) {
    if (constant == null || constant.isBlank()) {
      return "";
    }
    String[] words = constant.split("_");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      String lower = word.toLowerCase(Locale.ROOT);
      String shown;
      if (ABBREVIATIONS.contains(word)) {
        shown = word;
      } else if (i == 0 || (everyWord && !SMALL.contains(lower))) {
        shown = Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
      } else {
        shown = lower;
      }
      out.append(i == 0 ? "" : " ").append(shown);
    }
    return out.toString();
  }
}
