package org.ws2.gateway.observability;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Mono;

/**
 * Writes one of the gateway's own log lines with the request's trace id in it.
 * <p>
 * The gateway runs Reactor with context propagation "limited" ({@code application.yml}): the automatic
 * mode restores every thread-local (the MDC among them) on every operator of every request, the largest cost
 * per proxied read when gateways were compared side by side (docs/performance.md). The trace still reaches the
 * services, because Spring Cloud Gateway takes it from the exchange, not from thread-locals; only log lines
 * lose it. So the few lines the gateway writes (a service away, a counter store silent, the route of a
 * request at DEBUG) restore the request's observation, and with it the MDC, just for themselves.
 */
public final class TraceInLog {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private TraceInLog() {
    }

    /** A Mono that, when subscribed within a request, runs {@code statement} with the request's trace in the MDC. */
    public static Mono<Void> log(Runnable statement) {
        return Mono.deferContextual(context -> {
            try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context)) {
                statement.run();
            }
            return Mono.empty();
        });
    }
}
