package org.ws2.service.outbox;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's own thread: it publishes as soon as a commit wakes it (or when the poll interval
 * passes without one), and keeps going while batches come back full. A broker outage, which makes
 * each try wait for Kafka's timeouts, therefore never holds up request handling.
 */
public class OutboxRelayLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayLoop.class);

    private final OutboxRelay relay;
    private final OutboxSignal signal;
    private final Duration pollInterval;
    private final int batchSize;
    private final Thread thread;
    private volatile boolean running = true;

    public OutboxRelayLoop(OutboxRelay relay, OutboxSignal signal, OutboxProperties properties) {
        this.relay = relay;
        this.signal = signal;
        this.pollInterval = properties.pollInterval();
        this.batchSize = properties.batchSize();
        this.thread = new Thread(this::run, "outbox-relay");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                drain();
                signal.await(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void drain() throws InterruptedException {
        try {
            while (running && relay.relayBatch() >= batchSize) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } catch (RuntimeException e) {
            // The database may be away for a while; the next wake or poll tries again, not sooner.
            log.warn("Outbox relay pass failed: {}", e.toString());
            Thread.sleep(pollInterval.toMillis());
        }
    }

    /** For tests: the thread is asleep, waiting for a wake or the poll. */
    boolean waiting() {
        return thread.getState() == Thread.State.TIMED_WAITING;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        signal.wake();
        thread.join(Duration.ofSeconds(35).toMillis());
    }
}
