package org.mhaqi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mhaqi.testing.ConfigurationMetadata;

/**
 * notification-service's configuration sets only documented {@code mhaqi.*} properties (the
 * configuration processor's metadata, its own and service-support's), each with a description for
 * an IDE.
 */
class ConfigurationMetadataTest {

  private final ConfigurationMetadata metadata = ConfigurationMetadata.onClasspath();

  @Test
  void theServiceSetsOnlyDocumentedProperties() {
    assertThat(metadata.undocumentedKeys("application.yml", "service-defaults.yml")).isEmpty();
    assertThat(metadata.withoutDescription()).isEmpty();
  }
}
