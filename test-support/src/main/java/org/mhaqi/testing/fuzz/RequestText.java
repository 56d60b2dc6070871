package org.mhaqi.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** How the fuzzer's values become text and bytes on the wire, and how it shows them. */
final class RequestText {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private RequestText() {}

  /** Whether a given example body is JSON (rather than CSV). */
  static boolean looksLikeJson(String body) {
    String start = body.strip();
    return start.startsWith("{") || start.startsWith("[");
  }

  static boolean isUuid(String value) {
    try {
      return UUID.fromString(value).toString().equalsIgnoreCase(value);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The value as a JSON string token. */
  static String quote(String value) {
    return JSON.writeValueAsString(value);
  }

  /** The value shortened and with line breaks and NULs made visible, for a request's detail. */
  static String excerpt(String value) {
    String shown =
        value.length() > 80 ? value.substring(0, 80) + "...(" + value.length() + ")" : value;
    return shown.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
  }

  /** Percent-encodes every byte but the unreserved characters, for a path segment. */
  static String encode(String value) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
      }
    }
    return encoded.toString();
  }

  /** UTF-8, except that {@link HostileValues#OVERLONG} becomes the invalid bytes 0xC0 0xAF. */
  static byte[] utf8(String text) {
    if (text.indexOf(HostileValues.OVERLONG) < 0) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] parts = text.split(String.valueOf(HostileValues.OVERLONG), -1);
    for (int i = 0; i < parts.length; i++) {
      out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
      if (i < parts.length - 1) {
        out.write(0xC0);
        out.write(0xAF);
      }
    }
    return out.toByteArray();
  }
}
