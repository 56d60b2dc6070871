package org.mhaqi.coaching.it;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.ApiDescription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;

/** coaching-service's OpenAPI document and Swagger UI say which service it is and what it owns. */
class ApiDescriptionIT extends IntegrationTest {

  @Autowired BuildProperties build;

  @Test
  void theApiDocumentDescribesCoachingService() {
    ApiDescription.check(
        api,
        "coaching-service",
        build.getVersion(),
        List.of("coaches", "coaching plan", "iCalendar"),
        List.of(
            "Coaches",
            "Coaching plans and sessions",
            "Calendar feeds",
            "Learning events",
            "Redaction",
            "Dead letters",
            "Audit trail"));
  }
}
