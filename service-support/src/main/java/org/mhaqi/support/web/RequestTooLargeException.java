package org.mhaqi.support.web;

/**
 * A request body went over its limit ({@link RequestLimitsProperties}) while being read. Unchecked
 * on purpose: a JSON parser would turn an {@code IOException} from its input into "malformed body",
 * and this must be answered 413 ({@link RequestTooLargeHandling}) instead.
 */
public class RequestTooLargeException extends RuntimeException {

  private final long limit;

  public RequestTooLargeException(long limit) {
    super("The request body is larger than the limit of " + limit + " bytes", null, false, false);
    this.limit = limit;
  }

  /** The limit, in bytes, the body went over. */
  public long limit() {
    return limit;
  }
}
