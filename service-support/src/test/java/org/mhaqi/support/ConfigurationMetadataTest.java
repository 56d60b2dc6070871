package org.mhaqi.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mhaqi.testing.ConfigurationMetadata;

/**
 * Every {@code mhaqi.*} property of service-support is documented for an IDE (the configuration
 * processor's metadata, descriptions from the records' Javadoc), and service-defaults.yml sets none
 * the metadata does not know.
 */
class ConfigurationMetadataTest {

  private final ConfigurationMetadata metadata = ConfigurationMetadata.onClasspath();

  @Test
  void everyPlatformPropertyIsDocumentedWithADescription() {
    assertThat(metadata.platformProperties())
        .contains(
            "mhaqi.outbox.enabled",
            "mhaqi.outbox.health-threshold",
            "mhaqi.consumer.enabled",
            "mhaqi.web.max-request-bytes",
            "mhaqi.security.rate-limit.capacity",
            "mhaqi.openapi.auth-url",
            "mhaqi.openapi.contact.name",
            "mhaqi.topics.partitions");
    assertThat(metadata.withoutDescription()).isEmpty();
  }

  @Test
  void serviceDefaultsSetOnlyDocumentedProperties() {
    assertThat(metadata.undocumentedKeys("service-defaults.yml")).isEmpty();
  }
}
