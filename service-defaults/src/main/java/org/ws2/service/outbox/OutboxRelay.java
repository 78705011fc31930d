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
                monitor.sendFailed();
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
        monitor.published(delivered.size());
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

    private record Parked(PendingEvent event, String reason) {
    }

    private record Outcome(List<Long> delivered, List<Parked> parked) {
    }
}
