package org.ws2.service.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

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
 * <p>One row holds one event; an event with a public copy and an internal twin (ADR 0027) is one row that
 * the relay sends to both topics.
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
        insert(event, topic, checked(topic, event), null, null);
    }

    /**
     * Queues one event for two topics, in one row: {@code publicCopy} for {@code topic} and the whole
     * {@code event} for {@code internalTopic} (docs/adr/0027-public-and-internal-topics.md), both keyed by the
     * event's subject. The relay sends the two together, the public copy first; the row is published once
     * Kafka has acknowledged both.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, CloudEvent publicCopy, String internalTopic, CloudEvent event) {
        if (!publicCopy.id().equals(event.id()) || !Objects.equals(publicCopy.subject(), event.subject())) {
            throw new IllegalArgumentException("A public copy has its event's id and subject: " + publicCopy.id()
                    + " is not a copy of " + event.id());
        }
        String publicPayload = checked(topic, publicCopy);
        insert(event, topic, publicPayload, internalTopic, checked(internalTopic, event));
    }

    /** The event as the relay sends it, refused if Kafka could not take it. */
    private String checked(String topic, CloudEvent event) {
        String payload = codec.write(event);
        long size = utf8Length(topic) + utf8Length(event.subject()) + utf8Length(payload);
        if (size > maxEventBytes) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "event-too-large", "Change too large",
                    "This change would publish an event of " + size + " bytes (" + event.type() + "); at most "
                            + maxEventBytes + " are allowed. Nothing was changed.")
                    .with("eventType", event.type()).with("eventSize", size).with("maxEventSize", maxEventBytes);
        }
        return payload;
    }

    private void insert(CloudEvent event, String topic, String payload, String internalTopic,
            String internalPayload) {
        OutboxTracing.StoredContext trace = tracing.current();
        jdbc.sql("""
                INSERT INTO ws2_outbox (event_id, topic, message_key, payload, internal_topic, internal_payload,
                                        traceparent, tracestate)
                VALUES (:eventId, :topic, :key, :payload, :internalTopic, :internalPayload, :traceparent, :tracestate)""")
                .param("eventId", event.id())
                .param("topic", topic)
                .param("key", event.subject())
                .param("payload", payload)
                .param("internalTopic", internalTopic)
                .param("internalPayload", internalPayload)
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
