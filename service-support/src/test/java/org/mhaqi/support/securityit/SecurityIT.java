package org.mhaqi.support.securityit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.RealInfrastructure;
import org.mhaqi.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The platform's security edge on a service in miniature: tokens checked for signature, issuer,
 * audience and expiry; roles reaching operations; another organisation's object a 404; every change
 * audited in its own transaction; writes rate-limited per client.
 */
@SpringBootTest(
    classes = SecuredTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=security-test",
      "mhaqi.consumer.enabled=false",
      "mhaqi.outbox.enabled=false",
      "spring.cloud.function.definition=none"
    })
@ContextConfiguration(initializers = RealInfrastructure.class)
class SecurityIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  Api api() {
    return new Api(port);
  }

  @Test
  void noTokenIsA401ProblemWithTheBearerChallenge() {
    var answer = api().anonymous().get("/api/things/" + java.util.UUID.randomUUID());
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.text("type")).isEqualTo("urn:mhaqi:problem:unauthenticated");
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void expiredForeignAndMisaddressedTokensAreRefused() {
    for (String token :
        List.of(
            TestTokens.expired(), TestTokens.foreignKey(), TestTokens.wrongAudience(), "x.y.z")) {
      var answer =
          api().as(token).post("/api/things", "{\"odsCode\":\"RX4\",\"name\":\"bad token\"}");
      assertThat(answer.status()).as(token).isEqualTo(401);
      assertThat(answer.header("WWW-Authenticate")).contains("invalid_token");
    }
    assertThat(
            jdbc.sql("select count(*) from thing where name = 'bad token'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aRoleWithoutTheOperationIsA403AndUnopenedApisAreForAdministrators() {
    var analyst = api().as(TestTokens.analyst());
    var refused = analyst.post("/api/things", "{\"odsCode\":\"RX4\",\"name\":\"a\"}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text("type")).isEqualTo("urn:mhaqi:problem:forbidden");
    // /api/admin/audit is opened by no rule: administrators only.
    assertThat(analyst.get("/api/admin/audit").status()).isEqualTo(403);
    assertThat(api().as(TestTokens.trustMember("RX4")).get("/api/admin/audit").status())
        .isEqualTo(403);
    assertThat(api().get("/api/admin/audit").status()).isEqualTo(200);
  }

  @Test
  void healthIsPublicAndTheRestOfTheActuatorIsForOperators() {
    assertThat(api().anonymous().get("/actuator/health").status()).isEqualTo(200);
    assertThat(api().anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(api().as(TestTokens.admin()).get("/actuator/prometheus").status()).isEqualTo(403);
    assertThat(api().as(TestTokens.operator()).get("/actuator/prometheus").status()).isEqualTo(200);
  }

  @Test
  void healthDetailsAreForOperatorsAndAdministratorsWhileTheProbesStayPublic() {
    var anonymous = api().anonymous().get("/actuator/health").expect(200).body();
    assertThat(anonymous.path("status").asString()).isEqualTo("UP");
    assertThat(anonymous.has("components")).as("components shown anonymously").isFalse();
    assertThat(api().as(TestTokens.analyst()).get("/actuator/health").body().has("components"))
        .as("components shown to an analyst")
        .isFalse();
    for (String token : List.of(TestTokens.operator(), TestTokens.admin())) {
      var details = api().as(token).get("/actuator/health").expect(200).body().path("components");
      assertThat(details.path("db").path("details").path("database").asString())
          .isEqualTo("PostgreSQL");
    }
    for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
      var answer = api().anonymous().get(probe).expect(200).body();
      assertThat(answer.path("status").asString()).as(probe).isEqualTo("UP");
      assertThat(answer.has("components")).as(probe).isFalse();
    }
  }

  @Test
  void anotherOrganisationsObjectIsNotFoundNotForbidden() {
    String id =
        api()
            .as(TestTokens.trustMember("RX4"))
            .post("/api/things", "{\"odsCode\":\"RX4\",\"name\":\"ours\"}")
            .expect(201)
            .id();
    assertThat(api().as(TestTokens.trustMember("RX4")).get("/api/things/" + id).status())
        .isEqualTo(200);
    assertThat(api().as(TestTokens.trustMember("RYG")).get("/api/things/" + id).status())
        .isEqualTo(404);
    assertThat(api().as(TestTokens.analyst()).get("/api/things/" + id).status()).isEqualTo(200);
    assertThat(
            api()
                .as(TestTokens.trustMember("RYG"))
                .post("/api/things", "{\"odsCode\":\"RX4\",\"name\":\"theirs\"}")
                .status())
        .isEqualTo(404);
  }

  @Test
  void scratchWorkOfARequestThatThenFailsIsNotAudited() {
    // Found by EvaluationFuzzIT: a rebuild whose swap lost a lock answered 409 "nothing was
    // changed" yet left the audit row of its staging transaction.
    var refused = api().post("/api/things/staged", "{\"odsCode\":\"RX4\",\"name\":\"staged\"}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(
            jdbc.sql("select count(*) from audit_event where request_id = ?")
                .param(refused.header("X-Request-Id"))
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from thing where name = 'staged'").query(Long.class).single())
        .isOne();
  }

  @Test
  void everyChangeIsAuditedWithWhoWhatAndTheRequestAndNothingRefusedIs() {
    var created =
        api()
            .as(TestTokens.token("jo.bloggs", Set.of("TRUST_MEMBER"), "RX4", null))
            .post("/api/things", "{\"odsCode\":\"RX4\",\"name\":\"audited\"}")
            .expect(201);
    assertThat(created.text("actor")).isEqualTo("jo.bloggs");
    String requestId = created.header("X-Request-Id");
    assertThat(requestId).isNotBlank();
    Map<String, Object> row =
        jdbc.sql("select * from audit_event where request_id = ?")
            .param(requestId)
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("subject", "jo.bloggs")
        .containsEntry("roles", "TRUST_MEMBER")
        .containsEntry("organisation", "RX4")
        .containsEntry("method", "POST")
        .containsEntry("operation", "POST /api/things");

    var refused =
        api().post("/api/things", "{\"odsCode\":\"RX4\",\"name\":\"fail after writing\"}");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(
            jdbc.sql("select count(*) from audit_event where request_id = ?")
                .param(refused.header("X-Request-Id"))
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from thing where name = 'fail after writing'")
                .query(Long.class)
                .single())
        .isZero();

    var audit = api().get("/api/admin/audit?subject=jo.bloggs").expect(200);
    assertThat(audit.body().path("content").get(0).path("requestId").asString())
        .isEqualTo(requestId);
  }
}
