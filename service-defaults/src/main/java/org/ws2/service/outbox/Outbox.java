package org.ws2.service.outbox;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.EventCodec;
import org.ws2.service.problem.ApiProblem;

/**
 * Where a service writes the events of a change. It must be called inside the transaction that
 * makes the change: the event is then stored if and only if the change is, and the
 * {@link OutboxRelay} publishes it to Kafka afterwards, whether or not the broker is up right now.
 *
 * <p>An event larger than {@code ws2.outbox.max-event-size} is refused here, so the change fails
 * with a clear problem instead of leaving a row Kafka will never take. When the transaction
 * commits, the relay is woken at once; its poll is only the backstop.
 *
 * <p>The trace context current at the append (the request's) is stored with the row, so that the
 * relay's send, and every consumer after it, belong to the request's trace ({@link OutboxTracing}).
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final long maxEventBytes;
    private final OutboxSignal signal;
    private final OutboxTracing tracing;

    public Outbox(JdbcClient jdbc, EventCodec codec, DataSize maxEventSize, OutboxSignal signal,
            OutboxTracing tracing) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.maxEventBytes = maxEventSize.toBytes();
        this.signal = signal;
        this.tracing = tracing;
    }

    /** An outbox that stores no trace context. */
    public Outbox(JdbcClient jdbc, EventCodec codec, DataSize maxEventSize, OutboxSignal signal) {
        this(jdbc, codec, maxEventSize, signal, OutboxTracing.NONE);
    }

    /** Queues {@code event} for {@code topic}, keyed by its subject (the aggregate id). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, CloudEvent event) {
        String payload = codec.write(event);
        long size = utf8Length(topic) + utf8Length(event.subject()) + utf8Length(payload);
        if (size > maxEventBytes) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "event-too-large", "Change too large",
                    "This change would publish an event of " + size + " bytes (" + event.type() + "); at most "
                            + maxEventBytes + " are allowed. Nothing was changed.")
                    .with("eventType", event.type()).with("eventSize", size).with("maxEventSize", maxEventBytes);
        }
        OutboxTracing.StoredContext trace = tracing.current();
        jdbc.sql("""
                INSERT INTO ws2_outbox (event_id, topic, message_key, payload, traceparent, tracestate)
                VALUES (:eventId, :topic, :key, :payload, :traceparent, :tracestate)""")
                .param("eventId", event.id())
                .param("topic", topic)
                .param("key", event.subject())
                .param("payload", payload)
                .param("traceparent", trace == null ? null : trace.traceparent())
                .param("tracestate", trace == null ? null : trace.tracestate())
                .update();
        wakeRelayAfterCommit();
    }

    /** One synchronization per transaction, however many events it appends. */
    private void wakeRelayAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(signal)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(signal, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.wake();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(signal);
            }
        });
    }

    private static long utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
