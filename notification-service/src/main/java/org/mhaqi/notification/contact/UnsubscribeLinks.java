package org.mhaqi.notification.contact;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Unsubscribe links that work without signing in: the contact's id and an expiry, signed with
 * HMAC-SHA256, so that nobody can forge one for another contact and an old one stops working.
 */
@Component
public class UnsubscribeLinks {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final NotificationProperties properties;
  private final Clock clock;

  UnsubscribeLinks(NotificationProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** The link for a message written now. */
  public String linkFor(UUID contactId) {
    return properties.publicUrl() + "/unsubscribe/" + token(contactId);
  }

  String token(UUID contactId) {
    Instant expires = clock.instant().plus(properties.unsubscribeLinkValidity());
    String payload = contactId + "." + expires.getEpochSecond();
    return ENCODER.encodeToString(payload.getBytes(StandardCharsets.US_ASCII))
        + "."
        + ENCODER.encodeToString(sign(payload));
  }

  /** The contact a token names, when its signature holds and it has not expired. */
  Optional<UUID> contactOf(String token) {
    try {
      String[] parts = token.split("\\.", -1);
      if (parts.length != 2) {
        return Optional.empty();
      }
      String payload = new String(DECODER.decode(parts[0]), StandardCharsets.US_ASCII);
      if (!MessageDigest.isEqual(sign(payload), DECODER.decode(parts[1]))) {
        return Optional.empty();
      }
      String[] fields = payload.split("\\.", -1);
      if (fields.length != 2
          || Instant.ofEpochSecond(Long.parseLong(fields[1])).isBefore(clock.instant())) {
        return Optional.empty();
      }
      return Optional.of(UUID.fromString(fields[0]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              properties.unsubscribeSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
