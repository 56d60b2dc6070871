package org.mhaqi.support.securityit;

import java.util.Map;
import java.util.UUID;
import org.mhaqi.support.audit.ScratchWork;
import org.mhaqi.support.security.ApiAccess;
import org.mhaqi.support.security.Caller;
import org.mhaqi.support.security.Callers;
import org.mhaqi.support.web.Actor;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service in miniature for the security foundation: things that belong to an organisation,
 * created by administrators and trust members, read by analysts too.
 */
@SpringBootApplication
public class SecuredTestApplication {

  @Bean
  ApiAccess thingAccess() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.GET, "/api/things/**")
            .hasAnyRole("ADMIN", "TRUST_MEMBER", "ANALYST")
            .requestMatchers(HttpMethod.POST, "/api/things")
            .hasAnyRole("ADMIN", "TRUST_MEMBER");
  }

  /** What a client sends. */
  record NewThing(String odsCode, String name) {}

  @RestController
  static class ThingController {

    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;

    ThingController(JdbcClient jdbc, PlatformTransactionManager transactions) {
      this.jdbc = jdbc;
      this.transactions = transactions;
    }

    @PostMapping("/api/things")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Map<String, Object> create(@RequestBody NewThing thing) {
      Caller caller = Callers.current();
      if (!caller.maySee(thing.odsCode())) {
        throw new NotFoundException("Organisation", thing.odsCode());
      }
      UUID id = UUID.randomUUID();
      jdbc.sql("insert into thing (id, ods_code, name) values (?, ?, ?)")
          .params(id, thing.odsCode(), thing.name())
          .update();
      if (thing.name().equals("fail after writing")) {
        // A request refused after its first write: the write, and any audit of it, roll back.
        throw new RuleViolationException(
            HttpStatus.UNPROCESSABLE_CONTENT, "refused", "name", "refused after writing");
      }
      return Map.of("id", id, "actor", Actor.current());
    }

    /**
     * Stages a thing in a scratch transaction, then fails as a request whose real change lost a
     * lock would: nothing of the programme changed, so nothing may be audited.
     */
    @PostMapping("/api/things/staged")
    Map<String, Object> stageThenFail(@RequestBody NewThing thing) {
      TransactionTemplate scratch = new TransactionTemplate(transactions);
      scratch.setName(ScratchWork.TRANSACTION_NAME);
      scratch.executeWithoutResult(
          status ->
              jdbc.sql("insert into thing (id, ods_code, name) values (?, ?, ?)")
                  .params(UUID.randomUUID(), thing.odsCode(), thing.name())
                  .update());
      throw RuleViolationException.conflict("swap-failed", null, "the swap failed");
    }

    @GetMapping("/api/things/{id}")
    Map<String, Object> get(@PathVariable UUID id) {
      Map<String, Object> thing =
          jdbc
              .sql("select id, ods_code, name from thing where id = ?")
              .param(id)
              .query()
              .listOfRows()
              .stream()
              .findFirst()
              .orElseThrow(() -> new NotFoundException("Thing", id));
      if (!Callers.current().maySee((String) thing.get("ods_code"))) {
        throw new NotFoundException("Thing", id);
      }
      return thing;
    }
  }
}
