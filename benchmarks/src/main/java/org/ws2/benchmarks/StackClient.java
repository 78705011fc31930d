package org.ws2.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    static {
        // the poller and writers run at most a few minutes; keep the JDK client's pool from closing idle connections early
        System.setProperty("jdk.httpclient.keepalive.timeout", "60");
        System.setProperty("jdk.httpclient.connectionPoolSize", "256");
    }

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    /** Distinguishes this run's recommendation ids from earlier runs' (ids are 1.RRR.III.JJJ). */
    private final int runNumber = ThreadLocalRandom.current().nextInt(100, 1000);
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

    /** Fails early, with what to do, when the stack is not running or the token cannot write. */
    void checkReachable() throws Exception {
        for (String url : List.of(options.gateway + "/api/recommendations/" + options.readId,
                options.recommendations + "/api/recommendations/" + options.readId, options.reporting + "/api/reports/summary")) {
            int status = http.send(get(url), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException(url + " answered " + status + "; is the stack running (./ws2 start)?");
            }
        }
        int status = http.send(post(options.recommendations), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 201) {
            throw new IllegalStateException("POST /api/recommendations answered " + status
                    + "; set WS2_TOKEN to a support-staff token: WS2_TOKEN=$(./ws2 token support-staff)");
        }
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
     * Waits until reporting-service's read model counts every recommendation the source holds: the
     * writes before leave thousands of events behind them, and counting from a read model still applying
     * them would charge that backlog to what is measured next.
     */
    void awaitReadModelCaughtUp() throws IOException, InterruptedException {
        long started = System.nanoTime();
        long source = listTotal();
        long deadline = started + Duration.ofSeconds(300).toNanos();
        while (summaryTotal() < source) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the read model did not reach the source's " + source
                        + " recommendations within 300 s; is reporting-service consuming?");
            }
            Thread.sleep(50);
        }
        double waited = (System.nanoTime() - started) / 1e9;
        if (waited > 1) {
            System.out.printf(Locale.ROOT, "read model caught up with %d recommendations after %.1f s%n", source, waited);
        }
    }

    /** The recommendations reporting-service's read model counts. */
    long summaryTotal() throws IOException, InterruptedException {
        return total(http.send(get(options.reporting + "/api/reports/summary"), HttpResponse.BodyHandlers.ofString()));
    }

    /** The recommendations the catalogue (the source) holds, retired ones included. */
    long listTotal() throws IOException, InterruptedException {
        return total(http.send(get(options.recommendations + "/api/recommendations?size=1&includeRetired=true"),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** The {@code total} of a page answer. */
    static long total(HttpResponse<String> response) throws IOException {
        Matcher m = TOTAL.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IOException(response.uri() + " answered " + response.statusCode());
        }
        return Long.parseLong(m.group(1));
    }
}
