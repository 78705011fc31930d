package org.ws2.reporting.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.ws2.reporting.stream.PublicEventStore.StoredEvent;

/**
 * Feeds every subscriber of {@code /api/events/stream} from {@link PublicEventStore}. One thread
 * serves all subscribers: each tick it reads the events after the least advanced subscriber's
 * cursor, once, and hands each subscriber those after its own cursor that pass its filter; a
 * subscriber idle for a heartbeat interval gets an SSE comment, which also finds dead connections.
 * The connections themselves are Servlet async requests, so no request thread waits on them.
 */
@Component
class EventStreamHub implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventStreamHub.class);
    private static final int BATCH = 500;

    private final PublicEventStore store;
    private final Duration heartbeat;
    private final int maxSubscribers;
    private final Map<Long, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledExecutorService pump = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "event-stream-pump");
        thread.setDaemon(true);
        return thread;
    });

    EventStreamHub(PublicEventStore store,
            @Value("${ws2.stream.poll-interval:200ms}") Duration pollInterval,
            @Value("${ws2.stream.heartbeat:15s}") Duration heartbeat,
            @Value("${ws2.stream.max-subscribers:2000}") int maxSubscribers) {
        this.store = store;
        this.heartbeat = heartbeat;
        this.maxSubscribers = maxSubscribers;
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
        final SseEmitter emitter;
        final Filter filter;
        volatile long cursor;
        volatile long lastSentNanos = System.nanoTime();

        Subscriber(long id, SseEmitter emitter, Filter filter, long cursor) {
            this.id = id;
            this.emitter = emitter;
            this.filter = filter;
            this.cursor = cursor;
        }
    }

    boolean full() {
        return subscribers.size() >= maxSubscribers;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    /** A new subscriber that receives the events after {@code cursor} (a seq), then live ones. */
    SseEmitter subscribe(Filter filter, long cursor) {
        // 0: no async timeout; the heartbeat finds connections that went away.
        SseEmitter emitter = new SseEmitter(0L);
        Subscriber subscriber = new Subscriber(ids.incrementAndGet(), emitter, filter, cursor);
        emitter.onCompletion(() -> subscribers.remove(subscriber.id));
        emitter.onTimeout(() -> subscribers.remove(subscriber.id));
        emitter.onError(e -> subscribers.remove(subscriber.id));
        try {
            // Sent when the response starts, so a client sees the headers and where it starts at once.
            emitter.send(SseEmitter.event().comment("subscribed after " + cursor).reconnectTime(3000));
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        subscribers.put(subscriber.id, subscriber);
        return emitter;
    }

    void tick() {
        try {
            if (subscribers.isEmpty()) {
                return;
            }
            long from = subscribers.values().stream().mapToLong(s -> s.cursor).min().orElseThrow();
            while (true) {
                List<StoredEvent> batch = store.after(from, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                for (Subscriber subscriber : subscribers.values()) {
                    deliver(subscriber, batch);
                }
                from = batch.get(batch.size() - 1).seq();
                if (batch.size() < BATCH) {
                    break;
                }
            }
            long now = System.nanoTime();
            for (Subscriber subscriber : subscribers.values()) {
                if (now - subscriber.lastSentNanos >= heartbeat.toNanos()) {
                    send(subscriber, SseEmitter.event().comment("heartbeat"));
                }
            }
        } catch (RuntimeException e) {
            // Never let one failure stop the pump (e.g. the database briefly away): the next tick retries.
            log.warn("Event stream tick failed: {}", e.toString());
        }
    }

    private void deliver(Subscriber subscriber, List<StoredEvent> batch) {
        for (StoredEvent event : batch) {
            if (event.seq() <= subscriber.cursor) {
                continue;
            }
            if (subscriber.filter.accepts(event)) {
                boolean sent = send(subscriber, SseEmitter.event().id(Long.toString(event.seq())).name(event.type())
                        .data(event.json(), MediaType.APPLICATION_JSON));
                if (!sent) {
                    return;
                }
            }
            subscriber.cursor = event.seq();
        }
    }

    private boolean send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter.send(event);
            subscriber.lastSentNanos = System.nanoTime();
            return true;
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(subscriber.id);
            subscriber.emitter.completeWithError(e);
            return false;
        }
    }

    @Override
    public void destroy() {
        pump.shutdownNow();
        subscribers.values().forEach(s -> s.emitter.complete());
        subscribers.clear();
    }
}
