package org.mhaqi.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits each client's writes (any method but GET, HEAD and OPTIONS under {@code /api}) to a token
 * bucket, answering 429 with {@code Retry-After} once it is empty: one client's runaway script
 * cannot starve the others or flood the outbox. Runs after authentication, keyed by the token's
 * subject; reads and public pages are not limited.
 */
final class WriteRateLimit extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final RateLimitProperties properties;
  private final Cache<String, Bucket> buckets;

  WriteRateLimit(RateLimitProperties properties) {
    this.properties = properties;
    this.buckets = Caffeine.newBuilder().maximumSize(properties.maxClients()).build();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !properties.enabled()
        || READS.contains(request.getMethod())
        || !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Caller caller = Callers.current();
    if (caller == Caller.SYSTEM) {
      // Not authenticated: the authorization rules answer 401 without spending anyone's bucket.
      chain.doFilter(request, response);
      return;
    }
    ConsumptionProbe probe =
        buckets.get(caller.subject(), subject -> newBucket()).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
      chain.doFilter(request, response);
      return;
    }
    long seconds =
        Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    response.setHeader("Retry-After", Long.toString(seconds));
    ProblemAnswers.write(
        response,
        429,
        "rate-limited",
        "Too many requests",
        "This client has sent more than "
            + properties.capacity()
            + " changes in a burst (refilled at "
            + properties.refill()
            + " every "
            + properties.period().toMillis()
            + " ms); retry after "
            + seconds
            + " s.",
        request.getRequestURI());
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(properties.capacity())
                .refillGreedy(properties.refill(), properties.period())
                .build())
        .build();
  }
}
