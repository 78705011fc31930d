package org.ws2.reporting.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.ws2.reporting.stream.PublicEventStore.StoredEvent;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Feeds every subscriber of {@code /api/events/stream} from {@link PublicEventStore}, so that no subscriber
 * can hold up another (docs/adr/0030-event-stream-shares.md).
 * <p>
 * One pump thread reads the store: each tick it reads the events after the least advanced cursor among the
 * subscribers with room, once, and queues for each subscriber those after its own cursor that pass its
 * filter, as many as its bounded queue takes (the rest wait in the store for the next tick: a subscriber
 * replaying a long history is paced, not dropped). The pump never writes to a socket: a write blocks while
 * the client's TCP window is shut (a client that stops reading, or the gateway passing its back-pressure on),
 * so each subscriber's queue is written by a sender thread of its own while it has something to send. A
 * write that has not finished within the write timeout marks a client that stopped reading: it is dropped,
 * and reconnects with {@code Last-Event-ID} when it reads again.
 * <p>
 * Admission: at most {@code max-subscribers} streams in all (503 beyond) and {@code max-per-client} per
 * client (429 beyond), a client as {@link StreamClients} names it. The connections are Servlet async
 * requests, so no request thread waits on them.
 */
@Component
class EventStreamHub implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventStreamHub.class);
    private static final int BATCH = 500;

    /** Why a stream is refused; the controller answers each with its own problem. */
    enum Refusal {
        /** As many streams as this replica serves. */
        FULL("full"),
        /** The client already has its share. */
        CLIENT_SHARE("client-share");

        final String tag;

        Refusal(String tag) {
            this.tag = tag;
        }
    }

    static final class Refused extends RuntimeException {

        final Refusal reason;
        final int limit;

        Refused(Refusal reason, int limit) {
            super(reason + " (" + limit + ")", null, false, false);
            this.reason = reason;
            this.limit = limit;
        }
    }

    private final PublicEventStore store;
    private final Duration heartbeat;
    private final Duration writeTimeout;
    private final int maxSubscribers;
    private final int maxPerClient;
    private final int queueCapacity;
    private final MeterRegistry meters;
    private final Supplier<SseEmitter> emitters;
    private final Map<Long, Subscriber> subscribers = new ConcurrentHashMap<>();
    /** Open streams per named client; guarded by itself, with admission, so that a share is never overrun. */
    private final Map<String, Integer> perClient = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledExecutorService pump = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "event-stream-pump");
        thread.setDaemon(true);
        return thread;
    });
    /**
     * A thread per subscriber while it has something to send, none while it is idle (Java 17: no virtual
     * threads). A fixed pool would be starved by as many clients as it has threads that stop reading. Room for
     * twice the cap: a dropped subscriber's thread stays in its write until the write fails (Tomcat's own
     * timeout, or the client going), while its place may already be taken by a new subscriber.
     */
    private final ThreadPoolExecutor senders;

    @Autowired
    EventStreamHub(PublicEventStore store, MeterRegistry meters,
            @Value("${ws2.stream.poll-interval:200ms}") Duration pollInterval,
            @Value("${ws2.stream.heartbeat:15s}") Duration heartbeat,
            @Value("${ws2.stream.max-subscribers:2000}") int maxSubscribers,
            @Value("${ws2.stream.max-per-client:10}") int maxPerClient,
            @Value("${ws2.stream.subscriber-queue:1000}") int queueCapacity,
            @Value("${ws2.stream.write-timeout:10s}") Duration writeTimeout) {
        // 0: no async timeout; the heartbeat finds connections that went away.
        this(store, meters, pollInterval, heartbeat, maxSubscribers, maxPerClient, queueCapacity, writeTimeout,
                () -> new SseEmitter(0L));
    }

    /** {@code emitters}: where a subscriber's connection comes from; a test's, to hold a write up at will. */
    EventStreamHub(PublicEventStore store, MeterRegistry meters, Duration pollInterval, Duration heartbeat,
            int maxSubscribers, int maxPerClient, int queueCapacity, Duration writeTimeout,
            Supplier<SseEmitter> emitters) {
        this.emitters = emitters;
        this.store = store;
        this.meters = meters;
        this.heartbeat = heartbeat;
        this.writeTimeout = writeTimeout;
        this.maxSubscribers = maxSubscribers;
        this.maxPerClient = maxPerClient;
        this.queueCapacity = queueCapacity;
        AtomicInteger senderIds = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(0, 2 * maxSubscribers, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread thread = new Thread(r, "event-stream-send-" + senderIds.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        Gauge.builder("ws2.stream.subscribers", subscribers, Map::size)
                .description("Open streams of /api/events/stream on this replica").register(meters);
        pump.scheduleWithFixedDelay(this::tick, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * What one subscriber asked for: types (exact, or a prefix ending in '*') and subjects, empty = all;
     * and, for a replay, only events recorded at or after {@code since} (null = no such bound), so that an
     * event about the past stored later than the replay's start is not mistaken for a recent one.
     */
    record Filter(Set<String> types, Set<String> subjects, java.time.Instant since) {

        boolean accepts(StoredEvent event) {
            return (since == null || !event.recordedAt().isBefore(since))
                    && (subjects.isEmpty() || subjects.contains(event.subject()))
                    && (types.isEmpty() || types.stream().anyMatch(t -> t.endsWith("*")
                            ? event.type().startsWith(t.substring(0, t.length() - 1))
                            : event.type().equals(t)));
        }
    }

    private static final class Subscriber {
        final long id;
        final String client;
        final SseEmitter emitter;
        final Filter filter;
        final BlockingQueue<SseEmitter.SseEventBuilder> queue;
        /** Whether a sender thread is on it: at most one, so its events go out in order. */
        final AtomicBoolean sending = new AtomicBoolean();
        /** The pump's: the last event queued for it, or skipped by its filter. */
        volatile long cursor;
        volatile long lastSentNanos = System.nanoTime();
        /** When the write in progress began; 0 while none is. */
        volatile long writingSinceNanos;
        /** Dropped: no more events; its sender completes it once any write in progress returns. */
        volatile boolean dropped;
        /** The emitter was completed: set only by its sender, read by whoever decides it needs one. */
        volatile boolean closed;

        Subscriber(long id, String client, SseEmitter emitter, Filter filter, long cursor, int queueCapacity) {
            this.id = id;
            this.client = client;
            this.emitter = emitter;
            this.filter = filter;
            this.cursor = cursor;
            this.queue = new ArrayBlockingQueue<>(queueCapacity);
        }
    }

    int subscriberCount() {
        return subscribers.size();
    }

    /** Open streams of one client ({@link StreamClients} names), e.g. {@code ip:203.0.113.9}. */
    int streamsOf(String client) {
        synchronized (perClient) {
            return perClient.getOrDefault(client, 0);
        }
    }

    /**
     * A new subscriber that receives the events after {@code cursor} (a seq), then live ones; refused
     * ({@link Refused}) when the hub is full or {@code client} (null: a crowd, held to the cap only) has its share.
     */
    SseEmitter subscribe(Filter filter, long cursor, String client) {
        SseEmitter emitter = emitters.get();
        Subscriber subscriber = new Subscriber(ids.incrementAndGet(), client, emitter, filter, cursor, queueCapacity);
        synchronized (perClient) {
            if (subscribers.size() >= maxSubscribers) {
                throw refused(Refusal.FULL, maxSubscribers);
            }
            if (client != null && perClient.getOrDefault(client, 0) >= maxPerClient) {
                throw refused(Refusal.CLIENT_SHARE, maxPerClient);
            }
            subscribers.put(subscriber.id, subscriber);
            if (client != null) {
                perClient.merge(client, 1, Integer::sum);
            }
        }
        emitter.onCompletion(() -> forget(subscriber));
        emitter.onTimeout(() -> forget(subscriber));
        emitter.onError(e -> forget(subscriber));
        // First in its queue, so before any event; sent when the response starts, so a client sees the headers
        // and where it starts at once.
        subscriber.queue.add(SseEmitter.event().comment("subscribed after " + cursor).reconnectTime(3000));
        send(subscriber);
        return emitter;
    }

    private Refused refused(Refusal reason, int limit) {
        meters.counter("ws2.stream.refused", "reason", reason.tag).increment();
        return new Refused(reason, limit);
    }

    void tick() {
        try {
            if (subscribers.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            for (Subscriber subscriber : subscribers.values()) {
                long since = subscriber.writingSinceNanos;
                if (since != 0 && now - since > writeTimeout.toNanos()) {
                    drop(subscriber);
                }
            }
            pumpEvents();
            for (Subscriber subscriber : subscribers.values()) {
                if (subscriber.queue.isEmpty() && subscriber.writingSinceNanos == 0
                        && now - subscriber.lastSentNanos >= heartbeat.toNanos()) {
                    // also how a connection that went away is found: the write fails
                    subscriber.queue.offer(SseEmitter.event().comment("heartbeat"));
                    send(subscriber);
                }
            }
        } catch (RuntimeException e) {
            // Never let one failure stop the pump (e.g. the database briefly away): the next tick retries.
            log.warn("Event stream tick failed: {}", e.toString());
        }
    }

    private void pumpEvents() {
        long from = subscribers.values().stream().filter(s -> s.queue.remainingCapacity() > 0)
                .mapToLong(s -> s.cursor).min().orElse(Long.MAX_VALUE);
        while (from != Long.MAX_VALUE) {
            List<StoredEvent> batch = store.after(from, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (Subscriber subscriber : subscribers.values()) {
                // One whose cursor is before this read (its queue was full when the tick began, and has room
                // now) would miss the events in between: it waits for a tick that reads from its cursor.
                if (subscriber.cursor >= from) {
                    queue(subscriber, batch);
                }
                send(subscriber);
            }
            from = batch.get(batch.size() - 1).seq();
            if (batch.size() < BATCH) {
                break;
            }
        }
    }

    /** Queues what it takes of {@code batch}; its cursor stops at the first event that did not fit. */
    private static void queue(Subscriber subscriber, List<StoredEvent> batch) {
        for (StoredEvent event : batch) {
            if (event.seq() <= subscriber.cursor) {
                continue;
            }
            if (subscriber.filter.accepts(event)) {
                boolean queued = subscriber.queue.offer(SseEmitter.event().id(Long.toString(event.seq()))
                        .name(event.type()).data(event.json(), MediaType.APPLICATION_JSON));
                if (!queued) {
                    return;
                }
            }
            subscriber.cursor = event.seq();
        }
    }

    /** Puts a sender thread on the subscriber, unless one is on it already or there is nothing to do. */
    private void send(Subscriber subscriber) {
        boolean work = subscriber.dropped ? !subscriber.closed : !subscriber.queue.isEmpty();
        if (!work || !subscriber.sending.compareAndSet(false, true)) {
            return;
        }
        try {
            senders.execute(() -> write(subscriber));
        } catch (RejectedExecutionException e) {
            subscriber.sending.set(false);
            if (forget(subscriber)) {
                log.warn("Event stream subscriber {} dropped: no sender thread free", subscriber.id);
                // No write is in progress (none was running), so completing cannot wait on one.
                subscriber.emitter.complete();
            }
        }
    }

    /** A sender's work: the subscriber's queue, in order, until it is empty, then completing it if dropped. */
    private void write(Subscriber subscriber) {
        try {
            SseEmitter.SseEventBuilder next;
            while (!subscriber.dropped && (next = subscriber.queue.poll()) != null) {
                long started = System.nanoTime();
                subscriber.writingSinceNanos = started == 0 ? 1 : started;
                subscriber.emitter.send(next);
                subscriber.writingSinceNanos = 0;
                subscriber.lastSentNanos = System.nanoTime();
            }
            if (subscriber.dropped && !subscriber.closed) {
                subscriber.closed = true;
                subscriber.emitter.complete();
            }
        } catch (IOException | IllegalStateException e) {
            subscriber.closed = true;
            forget(subscriber);
            subscriber.emitter.completeWithError(e);
        } finally {
            subscriber.writingSinceNanos = 0;
            subscriber.sending.set(false);
        }
        // Queued (or dropped) after the last look at the queue and before the flag was released.
        send(subscriber);
    }

    /**
     * A subscriber whose write has not finished within the write timeout: it stopped reading. Its place and
     * its share are freed at once; completing its emitter is left to its sender, because the emitter's lock is
     * held by the write in progress and the pump must not wait on it.
     */
    private void drop(Subscriber subscriber) {
        if (!forget(subscriber)) {
            return;
        }
        subscriber.dropped = true;
        subscriber.queue.clear();
        meters.counter("ws2.stream.dropped", "reason", "write-timeout").increment();
        log.info("Event stream subscriber {} dropped: a write took longer than {}", subscriber.id, writeTimeout);
        send(subscriber);
    }

    /** Removes the subscriber and gives its client's share back; false when it was gone already. */
    private boolean forget(Subscriber subscriber) {
        synchronized (perClient) {
            if (!subscribers.remove(subscriber.id, subscriber)) {
                return false;
            }
            if (subscriber.client != null) {
                perClient.computeIfPresent(subscriber.client, (client, n) -> n > 1 ? n - 1 : null);
            }
            return true;
        }
    }

    @Override
    public void destroy() {
        pump.shutdownNow();
        senders.shutdownNow();
        for (Subscriber subscriber : subscribers.values()) {
            // One stuck in a write would hold shutdown on the emitter's lock; its connection ends with the server.
            if (subscriber.writingSinceNanos == 0) {
                subscriber.emitter.complete();
            }
        }
        subscribers.clear();
    }
}
