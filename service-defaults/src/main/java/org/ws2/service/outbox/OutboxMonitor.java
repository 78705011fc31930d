package org.ws2.service.outbox;

import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox's state and metrics: the lag and parked-row gauges, which ask the database on each
 * scrape, and the counters of events published, sends failed and events parked, which the
 * {@link OutboxRelay} reports. {@link OutboxHealthIndicator} reads {@link #state()}.
 */
public class OutboxMonitor {

    private final OutboxRows rows;
    private final Counter published;
    private final Counter failedSends;
    private final Counter parked;
    private volatile CachedState cached;

    /** Registers the counters and gauges in {@code meters}. */
    public OutboxMonitor(OutboxRows rows, MeterRegistry meters) {
        this.rows = rows;
        this.published = meters.counter("ws2.outbox.published");
        this.failedSends = meters.counter("ws2.outbox.send.failures");
        this.parked = Counter.builder("ws2.outbox.parked.events")
                .description("Events moved to ws2_outbox_parked because Kafka can never take them")
                .register(meters);
        Gauge.builder("ws2.outbox.lag", this, monitor -> {
            OutboxState state = monitor.stateOrNull();
            return state == null ? Double.NaN : state.lag().toMillis() / 1000.0;
        }).description("Age of the oldest event not yet published to Kafka").baseUnit("seconds").register(meters);
        Gauge.builder("ws2.outbox.parked", this, monitor -> {
            OutboxState state = monitor.stateOrNull();
            return state == null ? Double.NaN : state.parked();
        }).description("Events in ws2_outbox_parked, waiting for an operator").register(meters);
    }

    /** How the outbox stands now: the age of its oldest unpublished event and how many are parked. */
    public OutboxState state() {
        return rows.state();
    }

    void published(int events) {
        published.increment(events);
    }

    void sendFailed() {
        failedSends.increment();
    }

    void parked() {
        parked.increment();
    }

    /** The state, read at most once a second, or null while the database cannot be asked. */
    private OutboxState stateOrNull() {
        CachedState current = cached;
        if (current != null && current.readAt().plusSeconds(1).isAfter(Instant.now())) {
            return current.state();
        }
        try {
            OutboxState state = state();
            cached = new CachedState(state, Instant.now());
            return state;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private record CachedState(OutboxState state, Instant readAt) {
    }
}
