package org.mhaqi.local;

import java.util.List;
import java.util.stream.Stream;

/**
 * The fictional people {@link DemoData} puts in project teams: a first name of {@link
 * DemoCatalogue#FIRST_NAMES} and a surname saying the role. Public for the tests that look for
 * personal data where none may be (events, logs, metrics).
 */
public final class DemoPeople {

  /** The surname of every executive sponsor. */
  static final String SPONSOR_SURNAME = "Demo";

  /** The surname of every service lead. */
  static final String LEAD_SURNAME = "Example";

  private DemoPeople() {}

  /** Every full name the demo data can give a person. */
  public static List<String> fullNames() {
    return DemoCatalogue.FIRST_NAMES.stream()
        .flatMap(first -> Stream.of(SPONSOR_SURNAME, LEAD_SURNAME).map(last -> first + " " + last))
        .toList();
  }
}
