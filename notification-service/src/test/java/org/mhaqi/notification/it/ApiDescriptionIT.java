package org.mhaqi.notification.it;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.ApiDescription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;

/**
 * notification-service's OpenAPI document and Swagger UI say which service it is and what it owns.
 */
class ApiDescriptionIT extends IntegrationTest {

  @Autowired BuildProperties build;

  @Test
  void theApiDocumentDescribesNotificationService() {
    ApiDescription.check(
        api,
        "notification-service",
        build.getVersion(),
        List.of("contacts", "exactly once", "unsubscribe", "iCalendar"),
        List.of("Contacts", "Messages", "Unsubscribe", "Dead letters", "Audit trail"));
  }
}
