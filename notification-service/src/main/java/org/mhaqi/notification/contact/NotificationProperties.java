package org.mhaqi.notification.contact;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the messages say about where they come from.
 *
 * @param publicUrl the service's address as a person's browser reaches it: unsubscribe links
 * @param from the sender of every message
 * @param unsubscribeSecret the key unsubscribe links are signed with (HMAC-SHA256); a real one
 *     anywhere but a developer's machine
 * @param unsubscribeLinkValidity how long an unsubscribe link works after its message was written
 */
@ConfigurationProperties("mhaqi.notification")
public record NotificationProperties(
    String publicUrl, String from, String unsubscribeSecret, Duration unsubscribeLinkValidity) {}
