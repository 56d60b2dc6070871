package org.mhaqi.auth.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits token requests per client with a token bucket each: the client id of the Basic credentials
 * or the {@code client_id} form field when it names a registered client, else the caller's address
 * (so that made-up client ids cannot grow the table). Over the limit it answers 429 problem+json
 * with {@code Retry-After} in seconds, before the client is authenticated, so a guessed secret
 * costs a request too.
 */
public final class TokenRateLimitFilter extends OncePerRequestFilter {

  private final RateLimit limit;
  private final String tokenPath;
  private final Predicate<String> registeredClient;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public TokenRateLimitFilter(
      RateLimit limit, String tokenPath, Predicate<String> registeredClient) {
    this.limit = limit;
    this.tokenPath = tokenPath;
    this.registeredClient = registeredClient;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !limit.enabled()
        || !HttpMethod.POST.matches(request.getMethod())
        || !tokenPath.equals(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ConsumptionProbe probe =
        buckets
            .computeIfAbsent(callerOf(request), k -> newBucket())
            .tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      chain.doFilter(request, response);
      return;
    }
    long retryAfter =
        Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(retryAfter));
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\"urn:mhaqi:problem:too-many-token-requests\",\"title\":\"Too Many Requests\","
                + "\"status\":429,\"detail\":\"Too many token requests from this client; retry after "
                + retryAfter
                + " s.\"}");
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            l ->
                l.capacity(limit.capacity())
                    .refillGreedy(limit.refillTokens(), limit.refillPeriod()))
        .build();
  }

  private String callerOf(HttpServletRequest request) {
    String clientId = basicClientId(request.getHeader("Authorization"));
    if (clientId == null) {
      clientId = request.getParameter("client_id");
    }
    if (clientId != null && registeredClient.test(clientId)) {
      return "client:" + clientId;
    }
    return "address:" + request.getRemoteAddr();
  }

  /** The user part of Basic credentials (form-urlencoded, RFC 6749 2.3.1), or null. */
  static String basicClientId(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? null
          : java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
