package org.ws2.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/**
 * Counts in this gateway alone. Bounded, so that a flood of made-up callers (every address of a botnet)
 * costs memory only up to the cap; a bucket idle for two windows is full again anyway and is dropped.
 */
final class InProcessBuckets implements CallerBuckets {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Allowance.WINDOW.multipliedBy(2))
            .build();

    @Override
    public Mono<ConsumptionProbe> take(String caller, Allowance allowance) {
        Bucket bucket = buckets.get(allowance.name() + ":" + caller,
                key -> Bucket.builder().addLimit(allowance.bandwidth()).build());
        return Mono.just(bucket.tryConsumeAndReturnRemaining(1));
    }
}
