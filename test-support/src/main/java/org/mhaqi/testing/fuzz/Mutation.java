package org.mhaqi.testing.fuzz;

import java.util.function.Predicate;

/**
 * What one fuzz request does to an otherwise valid-looking request of an operation. Each applies
 * only to operations that have the part it changes.
 */
public enum Mutation {
  /** Valid-looking in every part: known ids, values from the schema. */
  VALID(operation -> true),

  PATH_RANDOM_UUID(Mutation::hasPathParameters),
  PATH_NOT_UUID(Mutation::hasPathParameters),
  PATH_HUGE(Mutation::hasPathParameters),
  PATH_UNICODE(Mutation::hasPathParameters),
  PATH_TRAVERSAL(Mutation::hasPathParameters),
  PATH_NUL(Mutation::hasPathParameters),

  QUERY_WRONG_TYPE(Mutation::hasQueryParameters),
  QUERY_EXTREME_NUMBER(Mutation::hasQueryParameters),
  QUERY_EXTREME_DATE(Mutation::hasQueryParameters),
  QUERY_INJECTION(Mutation::hasQueryParameters),
  /** A parameter the operation does not document, and a documented one given twice. */
  QUERY_UNKNOWN_OR_REPEATED(operation -> true),

  FIELD_WRONG_TYPE(Mutation::hasJsonBody),
  FIELD_NULL(Mutation::hasJsonBody),
  FIELD_MISSING_REQUIRED(Mutation::hasJsonBody),
  FIELD_UNKNOWN(Mutation::hasJsonBody),
  FIELD_HUGE_STRING(Mutation::hasJsonBody),
  FIELD_INJECTION(Mutation::hasJsonBody),
  FIELD_UNICODE(Mutation::hasJsonBody),
  FIELD_BROKEN_UNICODE(Mutation::hasJsonBody),
  FIELD_EXTREME_NUMBER(Mutation::hasJsonBody),
  FIELD_EXTREME_DATE(Mutation::hasJsonBody),

  BODY_TRUNCATED(Mutation::hasJsonBody),
  BODY_ARRAY_INSTEAD_OF_OBJECT(Mutation::hasJsonBody),
  BODY_WRONG_CONTENT_TYPE(FuzzOperation::hasBody),
  BODY_EMPTY(FuzzOperation::hasBody),
  /** About 2 MB: one huge string field, or megabytes of whitespace. */
  BODY_HUGE(FuzzOperation::hasBody),
  BODY_DEEP_NESTING(Mutation::hasJsonBody),
  BODY_NOT_JSON(Mutation::hasJsonBody),
  /** A JSON body sent to an operation that documents none. */
  BODY_UNEXPECTED(operation -> !operation.hasBody() && !operation.method().equals("GET")),

  CSV_HOSTILE_CELL(Mutation::hasCsvBody),
  CSV_HEADER_ONLY(Mutation::hasCsvBody),
  CSV_RAGGED_ROWS(Mutation::hasCsvBody),
  CSV_BINARY(Mutation::hasCsvBody),

  MULTIPART_HOSTILE_FILE(Mutation::hasMultipartBody),
  MULTIPART_MISSING_PART(Mutation::hasMultipartBody),
  MULTIPART_BROKEN(Mutation::hasMultipartBody);

  private final Predicate<FuzzOperation> appliesTo;

  Mutation(Predicate<FuzzOperation> appliesTo) {
    this.appliesTo = appliesTo;
  }

  public boolean appliesTo(FuzzOperation operation) {
    return appliesTo.test(operation);
  }

  private static boolean hasPathParameters(FuzzOperation operation) {
    return !operation.in("path").isEmpty();
  }

  private static boolean hasQueryParameters(FuzzOperation operation) {
    return !operation.in("query").isEmpty();
  }

  private static boolean hasJsonBody(FuzzOperation operation) {
    return operation.contentTypeLike("json") != null;
  }

  private static boolean hasCsvBody(FuzzOperation operation) {
    return operation.contentTypeLike("csv") != null;
  }

  private static boolean hasMultipartBody(FuzzOperation operation) {
    return operation.contentTypeLike("multipart") != null;
  }
}
