package org.mhaqi.auth.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token requests allowed per client ({@code mhaqi.auth.rate-limit.*}): a bucket of {@code capacity}
 * requests (the burst), refilled with {@code refillTokens} every {@code refillPeriod}.
 *
 * @param enabled off only where nothing should be refused 429 (a load test of something else)
 * @param capacity the burst a client may send at once
 * @param refillTokens requests given back every refill period
 * @param refillPeriod how often they are given back
 */
public record RateLimit(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("100") long capacity,
    @DefaultValue("20") long refillTokens,
    @DefaultValue("1s") Duration refillPeriod) {}
