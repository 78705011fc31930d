package org.ws2.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/** Where the callers' allowances are counted: in this process, or in Redis shared by every replica. */
interface CallerBuckets {

    /**
     * Takes one request from {@code caller}'s bucket of {@code allowance}; fails, rather than waits, when a
     * shared store does not answer within its timeout.
     */
    Mono<ConsumptionProbe> take(String caller, Allowance allowance);
}
