package org.ws2.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much one caller may ask of the API: a signed-in person is counted by their token's subject, anyone
 * else by their address. Writes have their own, smaller allowance, so a script hammering reads cannot
 * starve its owner's edits and a runaway writer is stopped early.
 *
 * @param enabled          off only for benchmarks that measure the gateway without it
 * @param readsPerMinute   GET, HEAD and OPTIONS per caller per minute (bursts up to the whole minute's worth)
 * @param writesPerMinute  every other method per caller per minute
 * @param pagesPerMinute   the web module's pages (GET and HEAD on its route, not its static assets) per caller per
 *                         minute: a page costs several API calls, which count as the visitor's reads as well, so
 *                         pages have an allowance of their own that a browsing person never reaches
 * @param redisUrl         where replicas of the gateway share their counts ({@code redis://host:6379}); empty:
 *                         each replica counts alone, so N replicas allow N times the limit
 * @param redisTimeout     how long a request waits for Redis before it is let through uncounted
 * @param trustedProxies   addresses or CIDR ranges whose {@code X-Forwarded-For} is believed (the web module, an
 *                         ingress); the caller is then the right-most forwarded address that is not itself a
 *                         trusted proxy
 */
@ConfigurationProperties("ws2.rate-limit")
public record RateLimitProperties(boolean enabled, int readsPerMinute, int writesPerMinute, int pagesPerMinute,
        String redisUrl, Duration redisTimeout, List<String> trustedProxies) {

    public RateLimitProperties {
        redisUrl = redisUrl == null ? "" : redisUrl.strip();
        redisTimeout = redisTimeout == null ? Duration.ofMillis(200) : redisTimeout;
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        if (readsPerMinute <= 0 || writesPerMinute <= 0 || pagesPerMinute <= 0) {
            throw new IllegalArgumentException(
                    "ws2.rate-limit.reads-per-minute, writes-per-minute and pages-per-minute must be positive");
        }
    }
}
