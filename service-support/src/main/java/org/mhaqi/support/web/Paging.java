package org.mhaqi.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * How every list of the platform pages: {@code page} (from 0) and {@code size} (1 to {@value
 * #MAX_SIZE}, {@value #DEFAULT_SIZE} when absent) as query parameters, each list in one stable
 * order of its own, answered as {@code {"content": [...], "page": {"size", "number",
 * "totalElements", "totalPages"}}}. Out-of-range values are refused (400 naming the parameter)
 * rather than silently clamped, and so is {@code sort}, since each list's order is fixed.
 */
public final class Paging implements HandlerInterceptor {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  static final String PAGE = "page";
  static final String SIZE = "size";
  static final String SORT = "sort";

  /**
   * The requested page in the list's own order. End the order with a unique property (the id) so
   * that it is stable: equal values never swap places between one page and the next.
   */
  public static Pageable inOrder(Pageable requested, Sort order) {
    return PageRequest.of(requested.getPageNumber(), requested.getPageSize(), order);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod method && takesPageable(method)) {
      check(request.getParameter(PAGE), request.getParameter(SIZE), request.getParameter(SORT));
    }
    return true;
  }

  private static boolean takesPageable(HandlerMethod method) {
    return Arrays.stream(method.getMethodParameters())
        .anyMatch(parameter -> Pageable.class.isAssignableFrom(parameter.getParameterType()));
  }

  /**
   * Checks the raw paging parameters of a request (null when absent).
   *
   * @throws RuleViolationException 400 naming the first parameter out of range
   */
  static void check(String page, String size, String sort) {
    if (page != null) {
      Long number = integer(page);
      if (number == null || number < 0 || number > Integer.MAX_VALUE) {
        throw refused(PAGE, "'" + page + "' is not a page number: 0 for the first page, 1, ...");
      }
    }
    if (size != null) {
      Long count = integer(size);
      if (count == null || count < 1 || count > MAX_SIZE) {
        throw refused(SIZE, "'" + size + "' is not a page size: from 1 to " + MAX_SIZE);
      }
    }
    if (sort != null) {
      throw refused(SORT, "this list has one fixed, stable order; sort is not supported");
    }
    // The databases' offsets are ints: a page past that is not "empty", it cannot be asked for.
    if (page != null
        && integer(page) * (size == null ? DEFAULT_SIZE : integer(size)) > Integer.MAX_VALUE) {
      throw refused(PAGE, "'" + page + "' is past the last page any list can have");
    }
  }

  private static Long integer(String text) {
    try {
      return Long.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static RuleViolationException refused(String parameter, String message) {
    return new RuleViolationException(
        HttpStatus.BAD_REQUEST, "invalid-parameter", parameter, parameter + ": " + message);
  }
}
