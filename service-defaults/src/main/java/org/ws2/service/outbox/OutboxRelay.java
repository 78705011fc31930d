package org.ws2.service.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.ws2.contracts.CloudEvent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes outbox rows to Kafka in the order they were written, then marks them published.
 *
 * <p>Only one replica relays at a time (a PostgreSQL advisory lock held for the batch's
 * transaction), which keeps each aggregate's events in order however many replicas run. Delivery
 * is at least once: a crash between the send and the mark republishes a batch, and consumers
 * deduplicate by event id.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Arbitrary, but fixed: the advisory lock key that elects the relaying replica. */
    private static final long RELAY_LOCK = 0x5752_4f55_5442_4f58L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Counter published;
    private final Counter failedSends;
    private volatile boolean failing;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> kafka,
            OutboxProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.properties = properties;
        this.published = meters.counter("ws2.outbox.published");
        this.failedSends = meters.counter("ws2.outbox.send.failures");
    }

    /** Publishes one batch; returns how many events went out. */
    public int relayBatch() {
        Integer sent = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)")
                    .param("key", RELAY_LOCK).query(Boolean.class).single())) {
                return 0;
            }
            List<PendingEvent> batch = jdbc.sql("""
                    SELECT id, topic, message_key, payload FROM ws2_outbox
                    WHERE published_at IS NULL ORDER BY id LIMIT :limit""")
                    .param("limit", properties.batchSize())
                    .query(PendingEvent.class)
                    .list();
            if (batch.isEmpty()) {
                return 0;
            }
            List<Long> delivered = send(batch);
            if (!delivered.isEmpty()) {
                jdbc.sql("UPDATE ws2_outbox SET published_at = now() WHERE id IN (:ids)")
                        .param("ids", delivered).update();
            }
            return delivered.size();
        });
        return sent == null ? 0 : sent;
    }

    /** Removes published events older than the retention period. */
    public int purgePublished() {
        return jdbc.sql("DELETE FROM ws2_outbox WHERE published_at < :before")
                .param("before", java.sql.Timestamp.from(Instant.now().minus(properties.retention())))
                .update();
    }

    /**
     * Sends the whole batch at once, then waits for the acknowledgements in order and stops at the
     * first failure: what follows it stays pending and goes out, in order, on a later try.
     */
    private List<Long> send(List<PendingEvent> batch) {
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.messageKey(),
                    event.payload());
            record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            CompletableFuture<SendResult<String, String>> send;
            try {
                send = kafka.send(record);
            } catch (RuntimeException e) {
                send = CompletableFuture.failedFuture(e);
            }
            sends.add(send);
            // A send that failed at once (no broker to ask for metadata) means the rest would each
            // wait out the same timeout: stop here and try again on the next pass.
            if (send.isCompletedExceptionally()) {
                break;
            }
        }
        List<Long> delivered = new ArrayList<>(sends.size());
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(30, TimeUnit.SECONDS);
                delivered.add(batch.get(i).id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                failedSends.increment();
                if (!failing) {
                    log.warn("Kafka is not taking events; {} stay in the outbox and will be retried: {}",
                            batch.size() - i, rootMessage(e));
                }
                failing = true;
                break;
            }
        }
        if (delivered.size() == batch.size() && failing) {
            log.info("Kafka takes events again; the outbox is draining");
            failing = false;
        }
        published.increment(delivered.size());
        return delivered;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    record PendingEvent(long id, String topic, String messageKey, String payload) {
    }
}
