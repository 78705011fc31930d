package org.ws2.service.outbox;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries a change's trace across the outbox. The relay publishes on its own thread, after the
 * request that made the change has ended, so the trace context cannot travel in memory: the
 * {@link Outbox} stores the W3C context current when an event is appended (inside the request) with
 * the row, and the {@link OutboxRelay} sends the row inside a span continuing that context. Kafka's
 * producer observation then takes that span as its parent and writes its {@code traceparent} on
 * the record, so every consumer continues the request's trace.
 *
 * <p>Micrometer Tracing's {@link Tracer} and {@link Propagator} are the ones Spring Boot configures
 * (OpenTelemetry bridge, W3C propagation); with {@link #NONE} nothing is stored and each row is
 * sent in a trace of its own.
 */
public final class OutboxTracing {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /** No tracing: no context is stored, and a row is sent without one. */
    public static final OutboxTracing NONE = new OutboxTracing(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    public OutboxTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The W3C trace context current on this thread, or null when no trace is active. */
    StoredContext current() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(context, headers, Map::put);
        String traceparent = headers.get(TRACEPARENT);
        return traceparent == null ? null : new StoredContext(traceparent, headers.get(TRACESTATE));
    }

    /**
     * Makes a span continuing {@code stored} current until the returned scope is closed; with no
     * stored context (a row written before the columns existed, or outside any trace) nothing changes
     * and the send starts a trace of its own.
     */
    Scope continueTrace(StoredContext stored, String topic, String eventId) {
        if (stored == null) {
            return () -> { };
        }
        Map<String, String> headers = new HashMap<>();
        headers.put(TRACEPARENT, stored.traceparent());
        if (stored.tracestate() != null) {
            headers.put(TRACESTATE, stored.tracestate());
        }
        Span span = propagator.extract(headers, Map::get)
                .name("outbox relay")
                .tag("messaging.destination.name", topic)
                .tag("ws2.event.id", eventId)
                .start();
        Tracer.SpanInScope inScope = tracer.withSpan(span);
        return () -> {
            inScope.close();
            span.end();
        };
    }

    /** A trace context as the W3C headers carry it; {@code tracestate} may be null. */
    public record StoredContext(String traceparent, String tracestate) {
    }

    /** The continued span is current until this is closed. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
