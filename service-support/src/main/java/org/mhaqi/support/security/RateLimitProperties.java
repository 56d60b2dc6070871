package org.mhaqi.support.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The write endpoints' rate limit per client (token subject): a bucket of {@code capacity} requests
 * refilled at {@code refill} requests every {@code period}. Reads are not limited.
 *
 * @param enabled off only for tests that measure something else
 * @param capacity the burst a client may send at once
 * @param refill requests given back every period
 * @param period how often they are given back
 * @param maxClients buckets kept at most; the least recently used go first
 */
@ConfigurationProperties("mhaqi.security.rate-limit")
public record RateLimitProperties(
    Boolean enabled, Integer capacity, Integer refill, Duration period, Integer maxClients) {

  public RateLimitProperties {
    enabled = enabled == null || enabled;
    capacity = capacity == null ? 300 : capacity;
    refill = refill == null ? 100 : refill;
    period = period == null ? Duration.ofSeconds(1) : period;
    maxClients = maxClients == null ? 10_000 : maxClients;
  }
}
