package org.mhaqi.evaluation.it;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.ApiDescription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;

/**
 * evaluation-service's OpenAPI document and Swagger UI say which service it is and what it owns.
 */
class ApiDescriptionIT extends EvaluationIntegrationTest {

  @Autowired BuildProperties build;

  @Test
  void theApiDocumentDescribesEvaluationService() {
    ApiDescription.check(
        api,
        "evaluation-service",
        build.getVersion(),
        List.of("engagement", "data returns", "PDSA", "SPC"),
        List.of(
            "Engagement",
            "Data returns",
            "Measures",
            "Measure targets",
            "Time commitment",
            "Change ideas",
            "Shared learning",
            "SPC decisions",
            "Analysis",
            "Reports",
            "Report publication",
            "Redaction",
            "Dead letters",
            "Audit trail"));
  }
}
