package org.ws2.systemtests;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ws2.systemtests.support.SharedStackJourney;
import org.ws2.systemtests.support.StreamFollower;
import org.ws2.systemtests.support.Visitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ws2.systemtests.support.Visitors.assertProblem;
import static org.ws2.systemtests.support.Visitors.closeQuietly;
import static org.ws2.systemtests.support.Visitors.visitor;

/**
 * The public stream and the pages keep answering everyone while one visitor abuses them (issue 22): one visitor
 * opening streams without end is refused its extra streams with a 429 problem, a full stream refuses newcomers
 * with a 503 problem, a reader that never reads holds up no other reader, and a visitor flooding the pages gets
 * a 429 page (HTML, not JSON) while the other visitors go on reading pages.
 * <p>
 * Loopback only. Visitors are told apart as the gateway tells them apart behind the web module ({@link Visitors}):
 * by the {@code X-Forwarded-For} header, which it believes from the trusted local proxy address 127.0.0.1 (the
 * address every request here comes from); nothing is ever sent to another address. Bounded: each abuse stops at
 * its first refusal or after a fixed number of tries, and each wait is an await of a condition. On the shared
 * stack: the streams each test opens are closed after it, and it ends only when a newcomer can open a stream
 * again, so that the journeys after it find the stream as they would have.
 */
class AbuseSystemIT extends SharedStackJourney {

    /** More streams than one visitor's share (reporting-service's ws2.stream.max-per-client, 10 by default): its
     * refusal (429, urn:ws2:problem:too-many-streams) must come before this many. */
    static final int MOST_STREAMS_OF_ONE_VISITOR = 30;
    /** More streams than the whole stream serves at once (ws2.stream.max-subscribers, set to 60 in this module's
     * pom). */
    static final int MOST_STREAMS_IN_ALL = 90;
    /** Far more page reads than one visitor's page allowance (WS2_RATE_LIMIT_PAGES_PER_MINUTE, 200 in this
     * module's pom), which refills as the flood goes on (200 a minute, smoothly): its 429 page must come
     * before this many. The flood stops at the first refusal. */
    static final int MOST_PAGES_OF_ONE_VISITOR = 1000;

    private Visitors visitors;

    @BeforeEach
    void meetTheVisitors() {
        visitors = new Visitors(gateway);
    }

    @AfterEach
    void closeEveryStreamAndWaitUntilANewcomerIsServed() {
        visitors.closeAll();
        // the stream finds a closed connection when it next writes to it (a heartbeat at the latest)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<InputStream> stream = visitors.openStream(visitor(), null);
            closeQuietly(stream.body());
            return stream.statusCode() == 200;
        });
    }

    @Test
    void aVisitorOpeningStreamsWithoutEndIsRefusedWithA429ProblemWhileOtherVisitorsKeepTheirs() throws Exception {
        String abuser = visitor();
        HttpResponse<InputStream> refused = null;
        int served = 0;
        for (int i = 0; i < MOST_STREAMS_OF_ONE_VISITOR && refused == null; i++) {
            HttpResponse<InputStream> stream = visitors.openStream(abuser, null);
            if (stream.statusCode() == 200) {
                visitors.keep(stream.body());
                served++;
            } else {
                refused = stream;
            }
        }
        assertThat(refused).as("one visitor's stream %d of %d: refused", served + 1, MOST_STREAMS_OF_ONE_VISITOR)
                .isNotNull();
        assertProblem(refused, 429);

        // Ten other visitors at once, each with a stream and the pages, are all served; their streams go on.
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            others.add(visitor());
        }
        List<StreamFollower> followers = visitors.followAtOnce(others);
        for (String other : others) {
            assertThat(visitors.page(other, "/").statusCode()).as("a page for " + other).isEqualTo(200);
        }
        String changed = changeSomething();
        for (StreamFollower follower : followers) {
            follower.awaitEventAbout(changed);
        }
    }

    @Test
    void aFullStreamRefusesNewcomersWithA503Problem() {
        HttpResponse<InputStream> refused = null;
        int served = 0;
        for (int i = 0; i < MOST_STREAMS_IN_ALL && refused == null; i++) {
            HttpResponse<InputStream> stream = visitors.openStream(visitor(), null);
            if (stream.statusCode() == 200) {
                visitors.keep(stream.body());
                served++;
            } else {
                refused = stream;
            }
        }
        assertThat(refused).as("stream %d of %d, each of another visitor: refused", served + 1,
                MOST_STREAMS_IN_ALL).isNotNull();
        assertProblem(refused, 503);
    }

    @Test
    void aReaderThatNeverReadsHoldsUpNoOtherReader() throws Exception {
        // The whole stream from its start, into a receive window of 1 KB that nobody empties.
        visitors.openStreamNeverReading(visitor());

        // Readers that came before it, and after it, from the start and live, all get a change made now.
        List<String> others = List.of(visitor(), visitor(), visitor());
        List<StreamFollower> followers = new ArrayList<>(visitors.followAtOnce(others));
        followers.add(visitors.follow(visitor(), "0"));
        String changed = changeSomething();
        for (StreamFollower follower : followers) {
            follower.awaitEventAbout(changed);
        }
        assertThat(visitors.page(visitor(), "/").statusCode()).isEqualTo(200);
    }

    @Test
    void aVisitorFloodingThePagesGetsA429PageWhileOtherVisitorsGoOnReadingPages() throws Exception {
        String flooder = visitor();
        AtomicReference<HttpResponse<String>> refused = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> floods = new ArrayList<>();
            for (int worker = 0; worker < 8; worker++) {
                floods.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < MOST_PAGES_OF_ONE_VISITOR / 8 && refused.get() == null; i++) {
                        HttpResponse<String> page = visitors.page(flooder, "/");
                        if (page.statusCode() != 200) {
                            refused.compareAndSet(null, page);
                        }
                    }
                }, pool));
            }
            CompletableFuture.allOf(floods.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        HttpResponse<String> page = refused.get();
        assertThat(page).as("one visitor's %d page reads: one refused", MOST_PAGES_OF_ONE_VISITOR).isNotNull();
        assertThat(page.statusCode()).as(page.body()).isEqualTo(429);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).as("a page, not JSON: " + page.body())
                .startsWith("text/html");
        assertThat(page.headers().firstValue("Retry-After")).isPresent();

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> other = visitors.page(visitor(), "/");
            assertThat(other.statusCode()).isEqualTo(200);
            assertThat(other.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        }
    }

    /** A change everyone following the stream hears of: a new group, whose id this returns. */
    private String changeSomething() {
        String id = "AB-" + Long.toHexString(System.nanoTime());
        HttpResponse<String> created = gateway.post("/api/groups", gateway.token("admin"),
                "{\"id\":\"" + id + "\",\"name\":\"Abuse test group " + id + "\",\"kind\":\"GNSO_C\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id;
    }
}
