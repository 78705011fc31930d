package org.ws2.benchmarks;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

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

    private final Options options;
    private final StackClient stack;
    private final List<Result> results = new ArrayList<>();

    Benchmark(Options options) {
        this.options = options;
        this.stack = new StackClient(options);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new Benchmark(options).run();
    }

    void run() throws Exception {
        System.out.printf(Locale.ROOT, "WS2 benchmark: gateway %s, recommendations %s, reporting %s; %d connections, "
                + "%d s slices x %d rounds; %s; load average before: %s%n", options.gateway, options.recommendations,
                options.reporting, options.concurrency, options.sliceSeconds, options.rounds, machine(), loadAverage());
        stack.checkReachable();

        if (options.runs("reads") || options.runs("writes")) {
            throughput("/api/recommendations/" + options.readId);
        }
        if (options.runs("events")) {
            results.add(new WriteToReadModel(stack, options).run());
        }
        PageLatency pages = new PageLatency(stack, options);
        if (options.runs("pages")) {
            results.addAll(pages.run(PageLatency.PAGES));
        }
        if (options.runs("lists")) {
            stack.fillCatalogue();
            stack.awaitReadModelCaughtUp();
            results.addAll(listLatency());
            if (options.runs("pages")) {
                // issue 9: the list pages must stay paged and answer in 500 ms at this size
                results.addAll(pages.run(PageLatency.PAGES_AT_SCALE));
            }
        }
        if (options.runs("reports")) {
            results.addAll(new ReportsBenchmark(stack, options).run());
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
        boolean reads = options.runs("reads");
        boolean writes = options.runs("writes");
        System.out.println("warming up (JIT, connection pools)...");
        if (reads) {
            closedLoop(i -> stack.get(options.recommendations + readPath), options.concurrency, Duration.ofSeconds(5));
            closedLoop(i -> stack.get(options.gateway + readPath), options.concurrency, Duration.ofSeconds(5));
        }
        if (writes) {
            closedLoop(i -> stack.post(options.recommendations), options.concurrency, Duration.ofSeconds(3));
            closedLoop(i -> stack.post(options.gateway), options.concurrency, Duration.ofSeconds(3));
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
                    stack.awaitReadModelCaughtUp();
                    (direct ? getDirect : getGateway).add(closedLoop(
                            i -> stack.get((direct ? options.recommendations : options.gateway) + readPath), options.concurrency, slice));
                }
            }
            if (writes) {
                for (boolean direct : List.of(directFirst, !directFirst)) {
                    stack.awaitReadModelCaughtUp();
                    (direct ? postDirect : postGateway).add(closedLoop(
                            i -> stack.post(direct ? options.recommendations : options.gateway), options.concurrency, slice));
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

    /** The list endpoints and the summary through the gateway, at the catalogue's size. */
    List<Result> listLatency() throws Exception {
        long size = stack.listTotal();
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
            firstPage.add(closedLoop(i -> stack.get(options.gateway + "/api/recommendations?size=50"), users, slice));
            anyPage.add(closedLoop(i -> stack.get(options.gateway + "/api/recommendations?size=50&page="
                    + ThreadLocalRandom.current().nextInt(pages)), users, slice));
            filtered.add(closedLoop(i -> stack.get(options.gateway
                    + "/api/recommendations?status=NOT_STARTED&sort=title&size=50"), users, slice));
            summary.add(closedLoop(i -> stack.get(options.gateway + "/api/reports/summary"), users, slice));
        }
        list.addAll(List.of(firstPage, anyPage, filtered, summary));
        list.forEach(r -> r.note = users + " connections");
        return list;
    }

    private Sample closedLoop(IntFunction<HttpRequest> request, int users, Duration length) throws InterruptedException {
        return Load.closedLoop(stack.http(), request, users, length);
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
}
