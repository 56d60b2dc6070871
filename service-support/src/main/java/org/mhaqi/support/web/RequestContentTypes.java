package org.mhaqi.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request whose {@code Content-Type} is a wildcard such as {@code *}{@code /*}: a body is
 * of one concrete type. Spring MVC itself would fail on it with an IllegalArgumentException (a 500)
 * when it reads the body; here it is a 415 like any other unsupported type.
 */
final class RequestContentTypes implements HandlerInterceptor {

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws HttpMediaTypeNotSupportedException {
    String header = request.getContentType();
    if (header == null) {
      return true;
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(header);
    } catch (InvalidMediaTypeException unparseable) {
      return true; // Spring MVC answers those with a 415 already
    }
    if (type.isWildcardType() || type.isWildcardSubtype()) {
      throw new HttpMediaTypeNotSupportedException(
          "Content-Type '" + header + "' is not a type of body", List.of());
    }
    return true;
  }
}
