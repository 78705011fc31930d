package org.ws2.benchmarks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's client of a running stack: the requests it sends, the catalogue it fills, and the
 * totals it reads to wait until reporting-service's read model has applied every write before it.
 */
final class StackClient {

    private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"");
    /**
     * The only programme the benchmark writes to, and the one reporting's summary counts when none is asked (the
     * catalogue's list counts every programme's unless asked): named in both, so that the read model's counts are
     * compared with the same recommendations' in the catalogue whatever else the stack holds.
     */
    private static final String PROGRAMME = "WS2";
    private static final String SUMMARY = "/api/reports/summary?programme=" + PROGRAMME;

    static {
        // the poller and writers run at most a few minutes; keep the JDK client's pool from closing idle connections early
        System.setProperty("jdk.httpclient.keepalive.timeout", "60");
        System.setProperty("jdk.httpclient.connectionPoolSize", "256");
    }

    private static final int RUN_NUMBER_TRIES = 20;

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    /**
     * Distinguishes this run's recommendation ids from earlier runs' (ids are 1.RRR.III.JJJ): drawn at random, and
     * drawn again by {@link #checkReachable} while the stack already holds its first id.
     */
    private int runNumber = drawRunNumber(Set.of());
    private final AtomicInteger nextId = new AtomicInteger();

    StackClient(Options options) {
        this.options = options;
    }

    HttpClient http() {
        return http;
    }

    HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    /** A request creating a new recommendation at {@code base}, with an id no earlier run used. */
    HttpRequest post(String base) {
        int n = nextId.getAndIncrement();
        int topic = 1 + Math.floorMod(n, 8);
        String id = topic + "." + runNumber + "." + (n / 1000 % 1000) + "." + (n % 1000);
        String body = """
                {"id":"%s","title":"Benchmark recommendation %s","summary":"Created by the WS2 load driver.",\
                "ownership":"COMMUNITY","targetQuarter":"2027-Q1","tags":["benchmark"],\
                "note":"load driver run %d"}""".formatted(id, id, runNumber);
        return HttpRequest.newBuilder(URI.create(base + "/api/recommendations")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + options.token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /**
     * Triages {@code recommendationId} to {@code groupId} through the gateway unless it already is (a stack that ran
     * before), so that the assignment's page has something to show.
     */
    void assign(String groupId, String recommendationId) throws IOException, InterruptedException {
        String body = """
                {"recommendationIds":["%s"],"groupIds":["%s"],"applicabilityNote":"Benchmark: the assignment page"}"""
                .formatted(recommendationId, groupId);
        int status = http.send(HttpRequest.newBuilder(URI.create(options.gateway + "/api/assignments/bulk"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + options.token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2) {
            throw new IOException("triaging " + recommendationId + " to " + groupId + " answered " + status);
        }
    }

    /** Fails early, with what to do, when the stack is not running or the token cannot write. */
    void checkReachable() throws Exception {
        for (String url : List.of(options.gateway + "/api/recommendations/" + options.readId,
                options.recommendations + "/api/recommendations/" + options.readId, options.reporting + "/api/reports/summary")) {
            int status;
            try {
                status = http.send(get(url), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (ConnectException e) {
                throw new IllegalStateException(url + " refused the connection; is the stack running (./ws2 start), "
                        + "at this port offset (--port-offset)?", e);
            }
            if (status != 200) {
                throw new IllegalStateException(url + " answered " + status + "; is the stack running (./ws2 start)?");
            }
        }
        // A home the benchmark has run on many times holds the ids of many run numbers (one in nine after 100 runs).
        Set<Integer> taken = new HashSet<>();
        while (true) {
            int status = http.send(post(options.recommendations), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 201) {
                return;
            }
            if (status != 409) {
                throw new IllegalStateException("POST /api/recommendations answered " + status
                        + "; set WS2_TOKEN to a support-staff token: WS2_TOKEN=$(./ws2 token support-staff)");
            }
            taken.add(runNumber);
            if (taken.size() == RUN_NUMBER_TRIES) {
                throw new IllegalStateException("POST /api/recommendations answered 409 for the first id of "
                        + RUN_NUMBER_TRIES + " run numbers: earlier runs on this stack hold them; use a fresh WS2_HOME");
            }
            runNumber = drawRunNumber(taken);
            nextId.set(0);
        }
    }

    private static int drawRunNumber(Set<Integer> taken) {
        int drawn;
        do {
            drawn = ThreadLocalRandom.current().nextInt(100, 1000);
        } while (taken.contains(drawn));
        return drawn;
    }

    /** Creates recommendations directly at the service until the catalogue holds {@code --catalogue} of them. */
    void fillCatalogue() throws Exception {
        long have = listTotal();
        long missing = options.catalogueSize - have;
        if (missing <= 0) {
            System.out.printf(Locale.ROOT, "catalogue holds %d recommendations already%n", have);
            return;
        }
        System.out.printf(Locale.ROOT, "creating %d recommendations to reach %d...%n", missing, options.catalogueSize);
        AtomicLong left = new AtomicLong(missing);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < options.concurrency; t++) {
            threads.add(Load.started(() -> {
                while (left.getAndDecrement() > 0) {
                    try {
                        http.send(post(options.recommendations), HttpResponse.BodyHandlers.discarding());
                    } catch (IOException e) {
                        // counted below: the total is read again
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.printf(Locale.ROOT, "catalogue now holds %d recommendations%n", listTotal());
    }

    /**
     * Waits until reporting-service's read model has applied every change the catalogue holds: the writes
     * before leave thousands of events behind them, and measuring while the read model still applies them
     * would charge that backlog to what is measured next. See {@link ReadModelCatchUp} for what is compared.
     */
    ReadModelCatchUp.CaughtUp awaitReadModelCaughtUp() throws IOException, InterruptedException {
        ReadModelCatchUp.CaughtUp caughtUp = new ReadModelCatchUp(new ReadModelCatchUp.Counts() {
            @Override
            public Map<String, Long> readModel() throws IOException, InterruptedException {
                return ReadModelCatchUp.byStatus(body(get(options.reporting + SUMMARY)));
            }

            @Override
            public long sourceTotal() throws IOException, InterruptedException {
                return ReadModelCatchUp.total(body(get(options.recommendations + "/api/recommendations?size=1&programme="
                        + PROGRAMME)));
            }

            @Override
            public long source(String status) throws IOException, InterruptedException {
                return ReadModelCatchUp.total(body(get(options.recommendations + "/api/recommendations?size=1&programme="
                        + PROGRAMME + "&status=" + status)));
            }
        }, length -> Thread.sleep(length.toMillis()), System::nanoTime).await();
        if (caughtUp.seconds() > 1) {
            System.out.printf(Locale.ROOT, "read model caught up with %d recommendations after %.1f s%n",
                    caughtUp.total(), caughtUp.seconds());
        }
        return caughtUp;
    }

    /** The recommendations of WS2 reporting-service's read model counts (retired ones are not). */
    long summaryTotal() throws IOException, InterruptedException {
        return ReadModelCatchUp.total(body(get(options.reporting + SUMMARY)));
    }

    /** The recommendations the catalogue (the source) holds, retired ones included: the size of its table. */
    long listTotal() throws IOException, InterruptedException {
        return ReadModelCatchUp.total(body(get(options.recommendations + "/api/recommendations?size=1&includeRetired=true")));
    }

    /** The recommendations the catalogue lists (not retired): what its pages page through. */
    long catalogueTotal() throws IOException, InterruptedException {
        return ReadModelCatchUp.total(body(get(options.recommendations + "/api/recommendations?size=1")));
    }

    /**
     * The paths of the catalogue's 50-item pages after the first, in order, as their {@code next} links reach them
     * (keyset paging: a cursor, no {@code OFFSET}), walked from the first page directly at the service; empty when
     * pages carry no such link. Reading one of them at random is reading "any depth" as a client that pages does.
     */
    List<String> pagesByCursor() throws IOException, InterruptedException {
        String path = "/api/recommendations?size=50";
        Optional<String> next = next(body(get(options.recommendations + path)));
        if (next.isEmpty() || !next.get().contains("after=")) {
            return List.of();
        }
        List<String> pages = new ArrayList<>();
        long most = catalogueTotal() / 50 + 2;
        for (long p = 0; next.isPresent() && p < most; p++) {
            pages.add(next.get());
            next = next(body(get(options.recommendations + next.get())));
        }
        return pages;
    }

    private static Optional<String> next(String page) {
        Matcher m = NEXT.matcher(page);
        return m.find() ? Optional.of(m.group(1).replace("\\u0026", "&")) : Optional.empty();
    }

    /** The body of a 200 answer. */
    private String body(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(response.uri() + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** The {@code total} of a page answer. */
    static long total(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(response.uri() + " answered " + response.statusCode());
        }
        return ReadModelCatchUp.total(response.body());
    }
}
