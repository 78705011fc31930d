package org.ws2.service.outbox;

import java.nio.charset.StandardCharsets;
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
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.ws2.contracts.CloudEvent;
import org.ws2.service.outbox.OutboxRows.PendingEvent;

/**
 * Publishes outbox rows to Kafka in the order they were written, then marks them published; the SQL
 * is {@link OutboxRows}', the counters {@link OutboxMonitor}'s.
 *
 * <p>Only one replica relays at a time (the PostgreSQL advisory lock {@link OutboxRows#claimBatch}
 * holds for the batch's transaction), which keeps each aggregate's events in order however many
 * replicas run. Delivery is at least once: a crash between the send and the mark republishes a
 * batch, and consumers deduplicate by event id.
 *
 * <p>A row is one event: for its topic and, when it has one, its internal twin's (ADR 0027), sent in that
 * order and marked published once Kafka has acknowledged both.
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

    /** Failures that sending the same record again can never cure. */
    private static final Set<Class<? extends Throwable>> NEVER_SENDABLE = Set.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidTopicException.class, InvalidRecordException.class,
            SerializationException.class);

    private final OutboxRows rows;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, String> kafka;
    private final int batchSize;
    private final OutboxMonitor monitor;
    private final OutboxTracing tracing;
    private volatile boolean failing;

    public OutboxRelay(OutboxRows rows, TransactionTemplate transaction, KafkaTemplate<String, String> kafka,
            OutboxProperties properties, OutboxMonitor monitor, OutboxTracing tracing) {
        this.rows = rows;
        this.transaction = transaction;
        this.kafka = kafka;
        this.batchSize = properties.batchSize();
        this.monitor = monitor;
        this.tracing = tracing;
    }

    /** A relay that sends every row without a trace context. */
    public OutboxRelay(OutboxRows rows, TransactionTemplate transaction, KafkaTemplate<String, String> kafka,
            OutboxProperties properties, OutboxMonitor monitor) {
        this(rows, transaction, kafka, properties, monitor, OutboxTracing.NONE);
    }

    /** Publishes one batch; returns how many events left the outbox (sent or parked). */
    public int relayBatch() {
        Integer sent = transaction.execute(status -> {
            List<PendingEvent> batch = rows.claimBatch(batchSize);
            if (batch.isEmpty()) {
                return 0;
            }
            Outcome outcome = send(batch);
            rows.markSent(outcome.delivered());
            outcome.parked().forEach(this::park);
            return outcome.delivered().size() + outcome.parked().size();
        });
        return sent == null ? 0 : sent;
    }

    private void park(Parked row) {
        rows.park(row.event().id(), row.reason());
        monitor.parked();
        log.error("Outbox event {} for topic {} (key {}, {} bytes) can never be sent and is parked in "
                + "ws2_outbox_parked; later events go on: {}", row.event().id(), topics(row.event()),
                row.event().messageKey(), row.event().payload().length(), row.reason());
    }

    /**
     * Sends the whole batch at once (each row to its topic, then to its internal twin's, if it has one),
     * then waits for the acknowledgements in order. A row is delivered when every record of it is; a row
     * with a record that can never be sent is set aside for parking; any other failure stops here, and
     * that row and what follows stay pending for a later try.
     */
    private Outcome send(List<PendingEvent> batch) {
        List<List<CompletableFuture<SendResult<String, String>>>> sends = new ArrayList<>(batch.size());
        rows:
        for (PendingEvent event : batch) {
            List<CompletableFuture<SendResult<String, String>>> records = new ArrayList<>(2);
            sends.add(records);
            for (OutboxRows.Copy copy : event.copies()) {
                CompletableFuture<SendResult<String, String>> send = send(event, copy);
                records.add(send);
                // A send that failed at once for a reason other than the record itself (no broker to
                // ask for metadata) means the rest would each wait out the same timeout: stop here and
                // try again on the next pass.
                if (send.isCompletedExceptionally() && neverSendable(failureOf(send)) == null) {
                    break rows;
                }
            }
        }
        List<Long> delivered = new ArrayList<>(sends.size());
        List<Parked> toPark = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            PendingEvent event = batch.get(i);
            Throwable permanent = null;
            Exception failure = null;
            for (CompletableFuture<SendResult<String, String>> send : sends.get(i)) {
                try {
                    send.get(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = e;
                    break;
                } catch (ExecutionException | TimeoutException e) {
                    Throwable never = neverSendable(e);
                    if (never == null) {
                        failure = e;
                        break;
                    }
                    permanent = permanent == null ? never : permanent;
                }
            }
            if (failure instanceof InterruptedException) {
                break;
            }
            if (failure != null || sends.get(i).size() < event.copies().size()) {
                monitor.sendFailed();
                if (!failing) {
                    log.warn("Kafka is not taking events; {} stay in the outbox and will be retried: {}",
                            batch.size() - i, failure == null ? "a send failed" : rootMessage(failure));
                }
                failing = true;
                break;
            }
            if (permanent != null) {
                toPark.add(new Parked(event, permanent.getClass().getSimpleName() + ": " + permanent.getMessage()));
            } else {
                delivered.add(event.id());
            }
        }
        if (delivered.size() + toPark.size() == batch.size() && failing) {
            log.info("Kafka takes events again; the outbox is draining");
            failing = false;
        }
        monitor.published(delivered.size());
        return new Outcome(delivered, toPark);
    }

    /** Sends one record of a row, inside the trace the row was written in. */
    private CompletableFuture<SendResult<String, String>> send(PendingEvent event, OutboxRows.Copy copy) {
        ProducerRecord<String, String> record = new ProducerRecord<>(copy.topic(), event.messageKey(),
                copy.payload());
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        // The template's send observation becomes a child of the continued span and writes the
        // record's traceparent from it.
        try (OutboxTracing.Scope trace = tracing.continueTrace(event.trace(), copy.topic(), event.eventId())) {
            // DEBUG: one line per record sent, with the trace id of the change that wrote it.
            log.debug("Sending event {} to {} (key {})", event.eventId(), copy.topic(), event.messageKey());
            return kafka.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static String topics(PendingEvent event) {
        return event.internalTopic() == null ? event.topic() : event.topic() + " and " + event.internalTopic();
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

    private record Parked(PendingEvent event, String reason) {
    }

    private record Outcome(List<Long> delivered, List<Parked> parked) {
    }
}
