package org.ws2.gateway.ratelimit;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/**
 * One kind of request's allowance: {@code perMinute} requests, refilled smoothly, so a caller who has used
 * it all may go on at the sustained rate rather than wait for a window to end.
 */
final class Allowance {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final String name;
    private final int perMinute;
    private final Bandwidth bandwidth;
    private final BucketConfiguration configuration;
    private final String policyHeader;

    /** @param name as in the {@code RateLimit-Policy} header and the refusals metric ("reads", "writes") */
    Allowance(String name, int perMinute) {
        this.name = name;
        this.perMinute = perMinute;
        this.bandwidth = Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, WINDOW).build();
        this.configuration = BucketConfiguration.builder().addLimit(bandwidth).build();
        this.policyHeader = "\"" + name + "\";q=" + perMinute + ";w=" + WINDOW.toSeconds();
    }

    String name() {
        return name;
    }

    int perMinute() {
        return perMinute;
    }

    Bandwidth bandwidth() {
        return bandwidth;
    }

    BucketConfiguration configuration() {
        return configuration;
    }

    /** {@code RateLimit-Policy} (draft-ietf-httpapi-ratelimit-headers): the quota and its window in seconds. */
    String policyHeader() {
        return policyHeader;
    }
}
