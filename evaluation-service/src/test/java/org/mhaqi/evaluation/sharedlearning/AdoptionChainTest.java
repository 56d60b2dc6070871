package org.mhaqi.evaluation.sharedlearning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.http.HttpStatus;

class AdoptionChainTest {

  final UUID a = UUID.randomUUID();
  final UUID b = UUID.randomUUID();
  final UUID c = UUID.randomUUID();
  final UUID d = UUID.randomUUID();
  final Map<UUID, UUID> sources = new HashMap<>();

  void check(UUID idea, UUID source) {
    AdoptionChain.requireAllowed(idea, source, id -> Optional.ofNullable(sources.get(id)));
  }

  @Test
  void anOriginalIdeaMayBeAdoptedAndAnAdoptedOneAdoptedOnward() {
    assertThatCode(() -> check(b, a)).doesNotThrowAnyException();
    sources.put(b, a);
    assertThatCode(() -> check(c, b)).doesNotThrowAnyException();
    sources.put(c, b);
    assertThatCode(() -> check(d, a)).doesNotThrowAnyException();
  }

  @Test
  void anIdeaIsNotAdoptedFromItself() {
    assertThatThrownBy(() -> check(a, a))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
              assertThat(e.code()).isEqualTo("adoption-cycle");
              assertThat(e.field()).isEqualTo("sourceId");
            });
  }

  @Test
  void anIdeaNamesOneSourceOnly() {
    sources.put(b, a);
    assertThatThrownBy(() -> check(b, c))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
              assertThat(e.code()).isEqualTo("already-adopted");
            });
  }

  @Test
  void aSourceAdoptedFromTheIdeaIsACycle() {
    sources.put(b, a);
    assertThatThrownBy(() -> check(a, b))
        .isInstanceOfSatisfying(
            RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("adoption-cycle"));
  }

  @Test
  void aCycleThroughSeveralTeamsIsRefusedToo() {
    sources.put(b, a);
    sources.put(c, b);
    sources.put(d, c);
    assertThatThrownBy(() -> check(a, d))
        .isInstanceOfSatisfying(
            RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("adoption-cycle"));
  }

  @Test
  void aLoopAlreadyInTheRecordsBelowTheSourceEndsTheWalk() {
    // Not reachable through the rule itself; the walk must still end.
    sources.put(b, c);
    sources.put(c, b);
    assertThatCode(() -> check(a, b)).doesNotThrowAnyException();
  }
}
