package org.mhaqi.enrollment;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.ApiDescription;
import org.mhaqi.testing.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;

/**
 * enrollment-service's OpenAPI document and Swagger UI say which service it is and what it owns.
 */
class ApiDescriptionIT extends ServiceIntegrationTest {
  @Autowired BuildProperties build;

  @Test
  void theApiDocumentDescribesEnrollmentService() {
    ApiDescription.check(
        api,
        "enrollment-service",
        build.getVersion(),
        List.of("phases", "ODS codes", "waitlist", "project teams"),
        List.of(
            "Programme and phases",
            "Organisations and services",
            "Enrollment",
            "Project teams",
            "Learning network",
            "Redaction",
            "Audit trail"));
  }
}
