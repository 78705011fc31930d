package org.ws2.reporting.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.ws2.reporting.stream.PublicEventStore.StoredEvent;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The pump paces each subscriber by its own queue, and never skips events for one that was paced. */
class EventStreamPacingTest {

    private static final Duration NEVER = Duration.ofHours(1);
    private static final List<StoredEvent> EVENTS = LongStream.rangeClosed(1, 20)
            .mapToObj(seq -> new StoredEvent(seq, "e" + seq, "ws2.groups.v1", "org.ws2.group.registered.v1", "G",
                    Instant.EPOCH, Instant.EPOCH, "{\"seq\":" + seq + "}"))
            .toList();

    private final PublicEventStore store = mock(PublicEventStore.class);
    private final Deque<SseEmitter> connections = new ArrayDeque<>();
    // ticks are run by the test (poll interval: never); queues of two events
    private final EventStreamHub hub = new EventStreamHub(store, new SimpleMeterRegistry(), NEVER, NEVER, 10, 10, 2,
            NEVER, connections::poll);

    @AfterEach
    void close() {
        hub.destroy();
    }

    @Test
    void aSubscriberWhoseQueueFreesDuringATickMissesNothing() throws Exception {
        Connection slow = new Connection(new CountDownLatch(1));
        Connection fast = new Connection(new CountDownLatch(0));
        when(store.after(anyLong(), anyInt())).thenAnswer(call -> {
            long from = call.getArgument(0);
            if (from == 10) {
                // Read for the fast one while the slow one's queue was full; it drains before the events arrive.
                slow.gate.countDown();
                await().until(() -> slow.ids.size() == 2);
            }
            return EVENTS.stream().filter(e -> e.seq() > from).limit(call.<Integer>getArgument(1)).toList();
        });

        connections.add(slow);
        hub.subscribe(new EventStreamHub.Filter(Set.of(), Set.of(), null), 0, "ip:192.0.2.1");
        await().until(() -> slow.writing.getCount() == 0); // its first write (the "subscribed" comment) is held up
        hub.tick(); // queues 1 and 2: its queue is full
        connections.add(fast);
        hub.subscribe(new EventStreamHub.Filter(Set.of(), Set.of(), null), 10, "ip:192.0.2.2");
        hub.tick(); // reads after 10 for the fast one
        hub.tick(); // reads after 2 for the slow one

        await().until(() -> slow.ids.size() >= 4 && fast.ids.size() >= 2);
        assertThat(slow.ids.subList(0, 4)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(fast.ids.subList(0, 2)).containsExactly(11L, 12L);
    }

    /** A connection whose writes wait for {@code gate}, and which records the ids of the events written. */
    private static final class Connection extends SseEmitter {

        private static final Pattern ID = Pattern.compile("^id:(\\d+)$", Pattern.MULTILINE);

        final CountDownLatch gate;
        final CountDownLatch writing = new CountDownLatch(1);
        final List<Long> ids = new CopyOnWriteArrayList<>();

        Connection(CountDownLatch gate) {
            super(0L);
            this.gate = gate;
        }

        @Override
        public void send(SseEventBuilder event) throws IOException {
            writing.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            StringBuilder text = new StringBuilder();
            event.build().forEach(part -> text.append(part.getData()));
            Matcher id = ID.matcher(text);
            if (id.find()) {
                ids.add(Long.parseLong(id.group(1)));
            }
        }
    }
}
