package org.ws2.service.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.InvalidRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.ws2.contracts.CloudEvent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes outbox rows to Kafka in the order they were written, then marks them published.
 *
 * <p>Only one replica relays at a time (a PostgreSQL advisory lock held for the batch's
 * transaction), which keeps each aggregate's events in order however many replicas run. Delivery
 * is at least once: a crash between the send and the mark republishes a batch, and consumers
 * deduplicate by event id.
 *
 * <p>A row Kafka can never take (too large, invalid, unserialisable) is parked in
 * {@code ws2_outbox_parked}, logged at ERROR and counted, and the relay goes on with the rows after
 * it: one bad event must not hold back every later one. Any other failure (broker away, timeouts)
 * stops the pass; the rest stays pending and goes out, in order, on a later pass.
 *
 * <p>Each row is sent inside the trace it was written in (the context {@link Outbox} stored with it,
 * see {@link OutboxTracing}): the record's {@code traceparent} names the request's trace. A row
 * without one (written before the context was kept, or outside a trace) is sent in a new trace.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Arbitrary, but fixed: the advisory lock key that elects the relaying replica. */
    private static final long RELAY_LOCK = 0x5752_4f55_5442_4f58L;

    /** Failures that sending the same record again can never cure. */
    private static final Set<Class<? extends Throwable>> NEVER_SENDABLE = Set.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidTopicException.class, InvalidRecordException.class,
            SerializationException.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final OutboxTracing tracing;
    private final Counter published;
    private final Counter failedSends;
    private final Counter parked;
    private volatile boolean failing;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> kafka,
            OutboxProperties properties, MeterRegistry meters, OutboxTracing tracing) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.properties = properties;
        this.tracing = tracing;
        this.published = meters.counter("ws2.outbox.published");
        this.failedSends = meters.counter("ws2.outbox.send.failures");
        this.parked = Counter.builder("ws2.outbox.parked.events")
                .description("Events moved to ws2_outbox_parked because Kafka can never take them")
                .register(meters);
    }

    /** A relay that sends every row without a trace context. */
    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> kafka,
            OutboxProperties properties, MeterRegistry meters) {
        this(jdbc, transaction, kafka, properties, meters, OutboxTracing.NONE);
    }

    /** Publishes one batch; returns how many events left the outbox (sent or parked). */
    public int relayBatch() {
        Integer sent = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)")
                    .param("key", RELAY_LOCK).query(Boolean.class).single())) {
                return 0;
            }
            List<PendingEvent> batch = jdbc.sql("""
                    SELECT id, event_id, topic, message_key, payload, traceparent, tracestate FROM ws2_outbox
                    WHERE published_at IS NULL ORDER BY id LIMIT :limit""")
                    .param("limit", properties.batchSize())
                    .query((rs, row) -> new PendingEvent(rs.getLong("id"), rs.getString("event_id"),
                            rs.getString("topic"), rs.getString("message_key"), rs.getString("payload"),
                            rs.getString("traceparent") == null ? null
                                    : new OutboxTracing.StoredContext(rs.getString("traceparent"),
                                            rs.getString("tracestate"))))
                    .list();
            if (batch.isEmpty()) {
                return 0;
            }
            Outcome outcome = send(batch);
            if (!outcome.delivered().isEmpty()) {
                jdbc.sql("UPDATE ws2_outbox SET published_at = now() WHERE id IN (:ids)")
                        .param("ids", outcome.delivered()).update();
            }
            outcome.parked().forEach(this::park);
            return outcome.delivered().size() + outcome.parked().size();
        });
        return sent == null ? 0 : sent;
    }

    /** How the outbox stands: the age of its oldest unpublished event and how many are parked. */
    public OutboxState state() {
        return jdbc.sql("""
                SELECT (SELECT created_at FROM ws2_outbox WHERE published_at IS NULL ORDER BY id LIMIT 1) AS oldest,
                       (SELECT count(*) FROM ws2_outbox_parked) AS parked""")
                .query((rs, row) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    Duration lag = oldest == null ? Duration.ZERO
                            : Duration.between(oldest.toInstant(), Instant.now());
                    return new OutboxState(lag.isNegative() ? Duration.ZERO : lag, rs.getLong("parked"));
                })
                .single();
    }

    /** Registers the lag and parked-row gauges; each scrape asks the database (two index look-ups). */
    public void registerGauges(MeterRegistry meters) {
        Gauge.builder("ws2.outbox.lag", this, relay -> {
            OutboxState state = relay.stateOrNull();
            return state == null ? Double.NaN : state.lag().toMillis() / 1000.0;
        }).description("Age of the oldest event not yet published to Kafka").baseUnit("seconds").register(meters);
        Gauge.builder("ws2.outbox.parked", this, relay -> {
            OutboxState state = relay.stateOrNull();
            return state == null ? Double.NaN : state.parked();
        }).description("Events in ws2_outbox_parked, waiting for an operator").register(meters);
    }

    private volatile CachedState cached;

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

    /** Removes published events older than the retention period. */
    public int purgePublished() {
        return jdbc.sql("DELETE FROM ws2_outbox WHERE published_at < :before")
                .param("before", Timestamp.from(Instant.now().minus(properties.retention())))
                .update();
    }

    private void park(Parked row) {
        jdbc.sql("""
                INSERT INTO ws2_outbox_parked (id, event_id, topic, message_key, payload, created_at, reason,
                                               traceparent, tracestate)
                SELECT id, event_id, topic, message_key, payload, created_at, :reason, traceparent, tracestate
                FROM ws2_outbox WHERE id = :id
                ON CONFLICT (id) DO NOTHING""")
                .param("id", row.event().id()).param("reason", row.reason()).update();
        jdbc.sql("DELETE FROM ws2_outbox WHERE id = :id").param("id", row.event().id()).update();
        parked.increment();
        log.error("Outbox event {} for topic {} (key {}, {} bytes) can never be sent and is parked in "
                + "ws2_outbox_parked; later events go on: {}", row.event().id(), row.event().topic(),
                row.event().messageKey(), row.event().payload().length(), row.reason());
    }

    /**
     * Sends the whole batch at once, then waits for the acknowledgements in order. A record that can
     * never be sent is set aside for parking; any other failure stops here, and what follows stays
     * pending for a later try.
     */
    private Outcome send(List<PendingEvent> batch) {
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.messageKey(),
                    event.payload());
            record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            CompletableFuture<SendResult<String, String>> send;
            // The template's send observation becomes a child of the continued span and writes the
            // record's traceparent from it.
            try (OutboxTracing.Scope trace = tracing.continueTrace(event.trace(), event.topic(), event.eventId())) {
                // DEBUG: one line per event sent, with the trace id of the change that wrote it.
                log.debug("Sending event {} to {} (key {})", event.eventId(), event.topic(), event.messageKey());
                send = kafka.send(record);
            } catch (RuntimeException e) {
                send = CompletableFuture.failedFuture(e);
            }
            sends.add(send);
            // A send that failed at once for a reason other than the record itself (no broker to
            // ask for metadata) means the rest would each wait out the same timeout: stop here and
            // try again on the next pass.
            if (send.isCompletedExceptionally() && neverSendable(failureOf(send)) == null) {
                break;
            }
        }
        List<Long> delivered = new ArrayList<>(sends.size());
        List<Parked> toPark = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(30, TimeUnit.SECONDS);
                delivered.add(batch.get(i).id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                Throwable permanent = neverSendable(e);
                if (permanent != null) {
                    toPark.add(new Parked(batch.get(i), permanent.getClass().getSimpleName() + ": "
                            + permanent.getMessage()));
                    continue;
                }
                failedSends.increment();
                if (!failing) {
                    log.warn("Kafka is not taking events; {} stay in the outbox and will be retried: {}",
                            batch.size() - i, rootMessage(e));
                }
                failing = true;
                break;
            }
        }
        if (delivered.size() + toPark.size() == batch.size() && failing) {
            log.info("Kafka takes events again; the outbox is draining");
            failing = false;
        }
        published.increment(delivered.size());
        return new Outcome(delivered, toPark);
    }

    private static Throwable failureOf(CompletableFuture<?> send) {
        try {
            send.getNow(null);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The cause in {@code e}'s chain that makes the record unsendable for good, or null. */
    private static Throwable neverSendable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            for (Class<? extends Throwable> type : NEVER_SENDABLE) {
                if (type.isInstance(cause)) {
                    return cause;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** @param lag the age of the oldest unpublished event (zero when none waits) */
    public record OutboxState(Duration lag, long parked) {
    }

    /** @param trace the trace context the event was written in, or null */
    record PendingEvent(long id, String eventId, String topic, String messageKey, String payload,
            OutboxTracing.StoredContext trace) {
    }

    private record Parked(PendingEvent event, String reason) {
    }

    private record Outcome(List<Long> delivered, List<Parked> parked) {
    }

    private record CachedState(OutboxState state, Instant readAt) {
    }
}
