package org.mhaqi.testing.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * Makes fuzz request number {@code i} of a run from the seed and {@code i} alone: request {@code i}
 * goes to operation {@code i mod n} as caller {@code (i div n) mod c}, so the first {@code n*c}
 * requests already pair every operation with every caller; its content comes from a {@link Random}
 * seeded by (seed, i), so one request can be regenerated without the ones before it. The request
 * itself is a {@link DraftRequest} of {@link ValidValues}, changed by the {@link Mutator}.
 */
final class RequestGenerator {

  private final long seed;
  private final List<FuzzOperation> operations;
  private final List<String> callers;
  private final Schemas schemas;
  private final Map<String, List<String>> known;
  private final List<String> knownIds;
  private final Map<String, List<String>> examples;

  /**
   * @param known valid values by parameter or property name ({@code enrollmentId}, {@code
   *     odsCode}...), used in place of schema-made ones so requests get past "not found"
   * @param examples valid bodies by operation ({@code POST /api/...}), mutated like made ones
   */
  RequestGenerator(
      long seed,
      JsonNode apiDocs,
      List<String> callers,
      Map<String, List<String>> known,
      Map<String, List<String>> examples) {
    this.seed = seed;
    this.operations = FuzzOperation.all(apiDocs);
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("The OpenAPI document has no operations");
    }
    if (callers.isEmpty()) {
      throw new IllegalArgumentException("No callers to send the requests as");
    }
    this.callers = List.copyOf(callers);
    this.schemas = new Schemas(apiDocs);
    this.known = Map.copyOf(known);
    this.knownIds =
        known.values().stream().flatMap(List::stream).filter(RequestText::isUuid).toList();
    this.examples = Map.copyOf(examples);
  }

  List<FuzzOperation> operations() {
    return operations;
  }

  FuzzRequest generate(int index) {
    FuzzOperation operation = operations.get(index % operations.size());
    String caller = callers.get((index / operations.size()) % callers.size());
    Chance random = new Chance(new Random(seed ^ (0x9E3779B97F4A7C15L * (index + 1L))));
    List<Mutation> applicable =
        Arrays.stream(Mutation.values()).filter(m -> m.appliesTo(operation)).toList();
    // A valid-looking request one time in four: those reach the deepest checks and the writes.
    Mutation mutation =
        random.nextInt(4) == 0 ? Mutation.VALID : applicable.get(random.nextInt(applicable.size()));
    ValidValues values = new ValidValues(schemas, known, knownIds, random);
    DraftRequest draft = new DraftRequest(operation, random, schemas, values, examples);
    draft.startBody(mutation);
    new Mutator(draft, random, schemas, values).apply(mutation);
    return draft.toRequest(seed, index, caller, mutation);
  }
}
