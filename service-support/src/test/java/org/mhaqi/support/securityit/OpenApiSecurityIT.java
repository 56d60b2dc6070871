package org.mhaqi.support.securityit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.RealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document tells Swagger UI how to get a token: an oauth2 scheme with the client
 * credentials and authorization code flows at the authorization server, a plain bearer scheme, and
 * one of them required for every operation.
 */
@SpringBootTest(
    classes = SecuredTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=security-test",
      "mhaqi.consumer.enabled=false",
      "mhaqi.outbox.enabled=false",
      "spring.cloud.function.definition=none",
      "mhaqi.openapi.auth-url=http://auth.example:9000/"
    })
@ContextConfiguration(initializers = RealInfrastructure.class)
class OpenApiSecurityIT {

  @LocalServerPort int port;

  @Test
  void theApiDocsNameTheAuthorizationServersFlowsAndABearerScheme() {
    Api.Response docs = new Api(port).anonymous().get("/v3/api-docs").expect(200);
    JsonNode schemes = docs.body().path("components").path("securitySchemes");
    String auth = "http://auth.example:9000";

    JsonNode flows = schemes.path("oauth2").path("flows");
    assertThat(schemes.path("oauth2").path("type").asString()).isEqualTo("oauth2");
    assertThat(flows.path("clientCredentials").path("tokenUrl").asString())
        .isEqualTo(auth + "/oauth2/token");
    assertThat(flows.path("authorizationCode").path("authorizationUrl").asString())
        .isEqualTo(auth + "/oauth2/authorize");
    assertThat(flows.path("authorizationCode").path("tokenUrl").asString())
        .isEqualTo(auth + "/oauth2/token");
    assertThat(schemes.path("bearer").path("type").asString()).isEqualTo("http");
    assertThat(schemes.path("bearer").path("scheme").asString()).isEqualTo("bearer");
    assertThat(docs.body().path("security").toString())
        .isEqualTo("[{\"oauth2\":[]},{\"bearer\":[]}]");
  }

  @Test
  void swaggerUiSignsInAsThePublicClientWithPkce() {
    String initializer =
        new Api(port)
            .anonymous()
            .get("/swagger-ui/swagger-initializer.js")
            .expect(200)
            .body()
            .asString();

    assertThat(initializer)
        .contains("\"clientId\":\"swagger-ui\"")
        .contains("\"usePkceWithAuthorizationCodeGrant\":true");
  }
}
