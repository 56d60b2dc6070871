package org.mhaqi.evaluation.sharedlearning;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.mhaqi.support.web.RuleViolationException;

/**
 * Whether an idea may say it was adopted from another: never from itself, never twice, and never
 * from an idea that (through its own sources) was adopted from it, so that every chain of "adopted
 * from" ends at an original idea.
 */
final class AdoptionChain {

  private AdoptionChain() {}

  /**
   * Refuses the link {@code idea} adopted from {@code source}.
   *
   * @param sourceOf the idea each idea was adopted from, if any, as recorded so far
   */
  static void requireAllowed(UUID idea, UUID source, Function<UUID, Optional<UUID>> sourceOf) {
    if (idea.equals(source)) {
      throw RuleViolationException.unprocessable(
          "adoption-cycle", "sourceId", "A change idea cannot be adopted from itself");
    }
    Optional<UUID> existing = sourceOf.apply(idea);
    if (existing.isPresent()) {
      throw RuleViolationException.conflict(
          "already-adopted",
          "sourceId",
          "The change idea already says it was adopted from " + existing.get());
    }
    Set<UUID> seen = new HashSet<>();
    Optional<UUID> next = Optional.of(source);
    while (next.isPresent() && seen.add(next.get())) {
      if (next.get().equals(idea)) {
        throw RuleViolationException.unprocessable(
            "adoption-cycle",
            "sourceId",
            "The source was itself adopted, directly or through others, from this change idea");
      }
      next = sourceOf.apply(next.get());
    }
  }
}
