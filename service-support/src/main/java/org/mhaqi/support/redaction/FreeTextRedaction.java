package org.mhaqi.support.redaction;

import java.util.Map;

/**
 * A service's free text, redacted on request: a service with free text about people declares one
 * bean of this type, and gets {@code POST /api/admin/redactions} for it.
 */
public interface FreeTextRedaction {

  /** What a redacted occurrence reads as. */
  String REDACTED = "[redacted]";

  /**
   * The shortest text redacted, blanks at the ends aside: shorter ones (initials, a two-letter
   * name) would take pieces out of unrelated words.
   */
  int SHORTEST = 3;

  /** The longest text redacted. */
  int LONGEST = 200;

  /**
   * Replaces every case-insensitive occurrence of the text with {@value #REDACTED}, in one
   * transaction (the caller's if there is one).
   *
   * @param text what to redact, already stripped and {@value #SHORTEST} to {@value #LONGEST}
   *     characters long
   * @return per kind of free text, how many values changed, every kind present
   */
  Map<String, Integer> redact(String text);

  /**
   * Where this service keeps the free text it redacts, for the operation's description, e.g.
   * "session change reasons and recorded actors".
   */
  String covers();
}
