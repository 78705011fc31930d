package org.ws2.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a running WS2 stack and prints one table. It starts nothing itself:
 * <pre>
 *   ./ws2 start
 *   ./mvnw -B -q -Pbenchmarks -pl benchmarks package
 *   WS2_TOKEN=$(./ws2 token support-staff) java -jar benchmarks/target/ws2-benchmarks.jar
 * </pre>
 * Every comparison of direct and gateway runs is interleaved in one sitting (direct, gateway, direct,
 * gateway...), because on a shared machine only ratios measured side by side mean anything.
 * Results go to stdout and to {@code target/benchmark/} (CSV and an HTML page with charts).
 */
public final class Benchmark {

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    private final Options options;
    private final HttpClient http;
    private final List<Result> results = new ArrayList<>();
    /** Distinguishes this run's recommendation ids from earlier runs' (ids are 1.RRR.III.JJJ). */
    private final int runNumber = ThreadLocalRandom.current().nextInt(100, 1000);
    private final AtomicInteger nextId = new AtomicInteger();

    Benchmark(Options options) {
        this.options = options;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new Benchmark(options).run();
    }

    void run() throws Exception {
        System.out.printf(Locale.ROOT, "WS2 benchmark: gateway %s, recommendations %s, reporting %s; %d connections, "
                + "%d s slices x %d rounds; %s; load average before: %s%n", options.gateway, options.recommendations,
                options.reporting, options.concurrency, options.sliceSeconds, options.rounds, machine(), loadAverage());
        checkReachable();

        String readPath = "/api/recommendations/" + options.readId;
        if (options.phases.contains("reads") || options.phases.contains("writes")) {
            throughput(readPath);
        }
        if (options.phases.contains("events")) {
            results.add(writeToReadModel());
        }
        if (options.phases.contains("pages")) {
            results.addAll(pageLatency(PAGES));
        }
        if (options.phases.contains("lists")) {
            fillCatalogue();
            awaitReadModelCaughtUp();
            results.addAll(listLatency());
            if (options.phases.contains("pages")) {
                // issue 9: the list pages must stay paged and answer in 500 ms at this size
                results.addAll(pageLatency(PAGES_AT_SCALE));
            }
        }
        if (options.phases.contains("reports")) {
            results.addAll(new ReportsBenchmark(this, options, http).run());
        }

        Report report = new Report(results, options, machine(), loadAverage());
        report.printTable(System.out);
        Path out = Path.of(options.outputDir);
        Files.createDirectories(out);
        report.writeCsv(out.resolve("results.csv"));
        report.writeHtml(out.resolve("report.html"));
        System.out.println("CSV and HTML report: " + out.toAbsolutePath());
    }

    /** Reads and writes, direct and through the gateway, interleaved slice by slice. */
    void throughput(String readPath) throws Exception {
        boolean reads = options.phases.contains("reads");
        boolean writes = options.phases.contains("writes");
        System.out.println("warming up (JIT, connection pools)...");
        if (reads) {
            closedLoop("warm-up", i -> get(options.recommendations + readPath), options.concurrency, Duration.ofSeconds(5));
            closedLoop("warm-up", i -> get(options.gateway + readPath), options.concurrency, Duration.ofSeconds(5));
        }
        if (writes) {
            closedLoop("warm-up", i -> post(options.recommendations), options.concurrency, Duration.ofSeconds(3));
            closedLoop("warm-up", i -> post(options.gateway), options.concurrency, Duration.ofSeconds(3));
        }

        Result getDirect = new Result("GET " + readPath, "direct");
        Result getGateway = new Result("GET " + readPath, "gateway");
        Result postDirect = new Result("POST /api/recommendations", "direct");
        Result postGateway = new Result("POST /api/recommendations", "gateway");
        Duration slice = Duration.ofSeconds(options.sliceSeconds);
        // Each write leaves work behind it (the relay, three consumers), which would otherwise be done
        // during the next slice and charged to it; and the order flips each round, so that neither
        // route always runs second.
        for (int round = 0; round < options.rounds; round++) {
            boolean directFirst = round % 2 == 0;
            if (reads) {
                for (boolean direct : List.of(directFirst, !directFirst)) {
                    awaitReadModelCaughtUp();
                    (direct ? getDirect : getGateway).add(closedLoop(direct ? "get direct" : "get gateway",
                            i -> get((direct ? options.recommendations : options.gateway) + readPath), options.concurrency, slice));
                }
            }
            if (writes) {
                for (boolean direct : List.of(directFirst, !directFirst)) {
                    awaitReadModelCaughtUp();
                    (direct ? postDirect : postGateway).add(closedLoop(direct ? "post direct" : "post gateway",
                            i -> post(direct ? options.recommendations : options.gateway), options.concurrency, slice));
                }
            }
        }
        if (reads) {
            results.addAll(List.of(getDirect, getGateway));
        }
        if (writes) {
            results.addAll(List.of(postDirect, postGateway));
        }
    }

    // ------------------------------------------------------------ phases

    /**
     * Open-loop writes at a fixed rate through the gateway while one poller reads the reporting
     * service's summary as fast as it answers. The read model's total grows by one per applied
     * creation, so the k-th acknowledged write is taken as visible when the total first reaches
     * {@code base + k}: exact when events apply in order, and within one poll interval otherwise.
     */
    Result writeToReadModel() throws Exception {
        System.out.printf(Locale.ROOT, "write -> read model: %d writes/s for %d s through the gateway...%n",
                options.writeRate, options.writeSeconds);
        awaitReadModelCaughtUp();
        long base = summaryTotal();
        int writes = options.writeRate * options.writeSeconds;
        long[] ackedAt = new long[writes];
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> failures = new java.util.concurrent.ConcurrentHashMap<>();
        ConcurrentLinkedQueue<long[]> polls = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(writes);
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    long total = summaryTotal();
                    polls.add(new long[] { System.nanoTime(), total });
                } catch (IOException e) {
                    // a failed poll is only a gap in the time line
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "summary-poller");
        poller.start();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / options.writeRate;
        for (int i = 0; i < writes; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            http.sendAsync(post(options.gateway), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() == 201) {
                    synchronized (ackedAt) {
                        ackedAt[acked.getAndIncrement()] = System.nanoTime();
                    }
                } else {
                    failed.incrementAndGet();
                    String kind = error != null ? error.getClass().getSimpleName() : String.valueOf(response.statusCode());
                    failures.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                }
                done.countDown();
            });
        }
        double offeredSeconds = (System.nanoTime() - start) / 1e9;
        done.await();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        poller.interrupt();
        poller.join();
        // go on polling here until every acknowledged write is counted, so that the last ones are on the time line too
        for (long total = summaryTotal(); total < base + acked.get() && System.nanoTime() < deadline; total = summaryTotal()) {
            polls.add(new long[] { System.nanoTime(), total });
            Thread.sleep(5);
        }
        polls.add(new long[] { System.nanoTime(), summaryTotal() });

        List<long[]> timeline = new ArrayList<>(polls);
        Result result = new Result("write acknowledged -> visible in /api/reports/summary", "gateway");
        Sample sample = new Sample();
        int missing = 0;
        int p = 0;
        for (int k = 0; k < acked.get(); k++) {
            while (p < timeline.size() && timeline.get(p)[1] < base + k + 1) {
                p++;
            }
            if (p == timeline.size()) {
                missing++;
                continue;
            }
            sample.record(Math.max(0, timeline.get(p)[0] - ackedAt[k]), true);
        }
        sample.errors = failed.get() + missing;
        sample.seconds = offeredSeconds;
        sample.count = acked.get();
        result.add(sample);
        result.note = String.format(Locale.ROOT, "%d writes/s offered, %d acknowledged, %d failed %s, %d not seen in 30 s, %d polls",
                options.writeRate, acked.get(), failed.get(), failures, missing, timeline.size());
        return result;
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
            threads.add(started(() -> {
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

    List<Result> listLatency() throws Exception {
        long size = listTotal();
        int pages = (int) Math.max(1, size / 50);
        String scale = String.format(Locale.ROOT, "at %,d recommendations", size);
        Duration slice = Duration.ofSeconds(options.sliceSeconds);
        int users = Math.max(1, options.concurrency / 8);
        List<Result> list = new ArrayList<>();
        Result firstPage = new Result("GET /api/recommendations?size=50 " + scale, "gateway");
        Result anyPage = new Result("GET /api/recommendations?size=50&page=<random> " + scale, "gateway");
        Result filtered = new Result("GET /api/recommendations?status=NOT_STARTED&sort=title&size=50 " + scale, "gateway");
        Result summary = new Result("GET /api/reports/summary " + scale, "gateway");
        for (int round = 0; round < options.rounds; round++) {
            firstPage.add(closedLoop("list", i -> get(options.gateway + "/api/recommendations?size=50"), users, slice));
            anyPage.add(closedLoop("list page", i -> get(options.gateway + "/api/recommendations?size=50&page="
                    + ThreadLocalRandom.current().nextInt(pages)), users, slice));
            filtered.add(closedLoop("list filtered", i -> get(options.gateway
                    + "/api/recommendations?status=NOT_STARTED&sort=title&size=50"), users, slice));
            summary.add(closedLoop("summary", i -> get(options.gateway + "/api/reports/summary"), users, slice));
        }
        list.addAll(List.of(firstPage, anyPage, filtered, summary));
        list.forEach(r -> r.note = users + " connections");
        return list;
    }

    /** Every page of the web module, as a reader opens it through the gateway (issue 9: HTML in 200 ms). */
    static final List<String> PAGES = List.of("/", "/recommendations", "/recommendations?topic=6", "/recommendations/6.1.1",
            "/groups", "/groups/ALAC", "/reports", "/api-docs", "/sign-in");

    /** The pages whose size grows with the catalogue, measured again once it holds {@code --catalogue}. */
    static final List<String> PAGES_AT_SCALE = List.of("/recommendations", "/recommendations?page=<random>",
            "/recommendations?status=NOT_STARTED", "/recommendations?q=Benchmark", "/");

    /**
     * Each page's HTML, one reader at a time (a person waiting for a page, not a crowd), interleaved
     * page by page for {@code --rounds} rounds of {@code --seconds} each. A page that answers anything but
     * 200 counts as an error; the note gives the HTML's size, so a page that stopped paging shows.
     */
    List<Result> pageLatency(List<String> pages) throws Exception {
        long size = listTotal();
        String scale = String.format(Locale.ROOT, " at %,d recommendations", size);
        int lastPage = (int) Math.max(1, size / 50);
        System.out.printf(Locale.ROOT, "pages%s, 1 reader...%n", scale);
        for (String page : pages) {
            pageLoop(page, lastPage, Duration.ofSeconds(2)); // warm-up: templates, JIT, connection pools
        }
        List<Result> timed = new ArrayList<>();
        AtomicLong[] bytes = new AtomicLong[pages.size()];
        for (int p = 0; p < pages.size(); p++) {
            timed.add(new Result("page " + pages.get(p) + scale, "gateway"));
            bytes[p] = new AtomicLong();
        }
        for (int round = 0; round < options.rounds; round++) {
            for (int p = 0; p < pages.size(); p++) {
                timed.get(p).add(pageLoop(pages.get(p), lastPage, Duration.ofSeconds(options.sliceSeconds), bytes[p]));
            }
        }
        for (int p = 0; p < pages.size(); p++) {
            timed.get(p).note = String.format(Locale.ROOT, "1 reader, HTML %,d bytes", bytes[p].get());
        }
        return timed;
    }

    private Sample pageLoop(String page, int lastPage, Duration length, AtomicLong... lastSize) throws InterruptedException {
        Sample sample = new Sample();
        List<Long> latencies = new ArrayList<>();
        int errors = 0;
        long start = System.nanoTime();
        long end = start + length.toNanos();
        while (System.nanoTime() < end) {
            String path = page.replace("<random>", String.valueOf(ThreadLocalRandom.current().nextInt(lastPage)));
            long t0 = System.nanoTime();
            try {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(options.gateway + path))
                        .timeout(Duration.ofSeconds(30)).header("Accept", "text/html").GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    errors++;
                }
                for (AtomicLong size : lastSize) {
                    size.set(response.body().length);
                }
            } catch (IOException e) {
                errors++;
            }
            latencies.add(System.nanoTime() - t0);
        }
        sample.merge(latencies, errors);
        sample.seconds = (System.nanoTime() - start) / 1e9;
        return sample;
    }

    // ------------------------------------------------------------ load

    /** {@code users} threads, each sending its next request when the previous one answered. */
    Sample closedLoop(String name, IntFunction<HttpRequest> request, int users, Duration length) throws InterruptedException {
        Sample sample = new Sample();
        long end = System.nanoTime() + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int u = 0; u < users; u++) {
            threads.add(started(() -> {
                List<Long> mine = new ArrayList<>();
                int errors = 0;
                int i = 0;
                while (System.nanoTime() < end) {
                    HttpRequest r = request.apply(i++);
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(r, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() >= 400) {
                            errors++;
                        }
                    } catch (IOException e) {
                        errors++;
                    } catch (InterruptedException e) {
                        break;
                    }
                    mine.add(System.nanoTime() - t0);
                }
                sample.merge(mine, errors);
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        sample.seconds = (System.nanoTime() - start) / 1e9;
        return sample;
    }

    HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    }

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

    long summaryTotal() throws IOException, InterruptedException {
        return total(http.send(get(options.reporting + "/api/reports/summary"), HttpResponse.BodyHandlers.ofString()));
    }

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

    private void checkReachable() throws Exception {
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

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    // ------------------------------------------------------------ options

    static final class Options {
        String gateway;
        String recommendations;
        String reporting;
        String groups;
        String kafka;
        String token = System.getenv("WS2_TOKEN");
        String adminToken = System.getenv("WS2_ADMIN_TOKEN");
        int reportSamples = 30;
        String readId = "2.1";
        int concurrency = 32;
        int sliceSeconds = 10;
        int rounds = 2;
        int writeRate = 200;
        int writeSeconds = 20;
        int catalogueSize = 10_000;
        // pages (issue 9) only when asked: it wants the seed-size catalogue, which reads/writes/events grow
        List<String> phases = List.of("reads", "writes", "events", "lists");
        String outputDir = "benchmarks/target/benchmark";

        static Options parse(String[] args) {
            Options o = new Options();
            int offset = Integer.parseInt(System.getenv().getOrDefault("WS2_PORT_OFFSET", "0"));
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--port-offset" -> offset = Integer.parseInt(value);
                    case "--gateway" -> o.gateway = value;
                    case "--recommendations" -> o.recommendations = value;
                    case "--reporting" -> o.reporting = value;
                    case "--groups" -> o.groups = value;
                    case "--kafka" -> o.kafka = value;
                    case "--admin-token" -> o.adminToken = value;
                    case "--report-samples" -> o.reportSamples = Integer.parseInt(value);
                    case "--token" -> o.token = value;
                    case "--read-id" -> o.readId = value;
                    case "--connections" -> o.concurrency = Integer.parseInt(value);
                    case "--seconds" -> o.sliceSeconds = Integer.parseInt(value);
                    case "--rounds" -> o.rounds = Integer.parseInt(value);
                    case "--write-rate" -> o.writeRate = Integer.parseInt(value);
                    case "--write-seconds" -> o.writeSeconds = Integer.parseInt(value);
                    case "--catalogue" -> o.catalogueSize = Integer.parseInt(value);
                    case "--out" -> o.outputDir = value;
                    case "--phases" -> o.phases = List.of(value.split(","));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + """

                            options: --port-offset N (or WS2_PORT_OFFSET) --gateway URL --recommendations URL --reporting URL
                                     --token JWT (or WS2_TOKEN) --read-id 2.1 --connections 32 --seconds 10 --rounds 2
                                     --write-rate 200 --write-seconds 20 --catalogue 10000 --out benchmarks/target/benchmark
                                     --phases reads,writes,events,lists,pages (and reports: issue 8's reports at 10,000 x
                                     200 x 50,000, with --groups URL --kafka HOST:PORT --admin-token JWT (or
                                     WS2_ADMIN_TOKEN) --report-samples 30)""");
                }
                i++;
            }
            o.gateway = o.gateway != null ? o.gateway : "http://127.0.0.1:" + (8080 + offset);
            o.recommendations = o.recommendations != null ? o.recommendations : "http://127.0.0.1:" + (8081 + offset);
            o.reporting = o.reporting != null ? o.reporting : "http://127.0.0.1:" + (8083 + offset);
            o.groups = o.groups != null ? o.groups : "http://127.0.0.1:" + (8082 + offset);
            o.kafka = o.kafka != null ? o.kafka : "127.0.0.1:" + (19092 + offset);
            if (o.token == null || o.token.isBlank()) {
                throw new IllegalArgumentException("a support-staff token is needed for the writes: "
                        + "WS2_TOKEN=$(./ws2 token support-staff) java -jar benchmarks/target/ws2-benchmarks.jar");
            }
            return o;
        }
    }

    /** Java 17 has no virtual threads; one platform thread per simulated connection is plenty here. */
    private static Thread started(Runnable body) {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static {
        // the poller and writers run at most a few minutes; keep the JDK client's pool from closing idle connections early
        System.setProperty("jdk.httpclient.keepalive.timeout", "60");
        System.setProperty("jdk.httpclient.connectionPoolSize", "256");
    }

}
