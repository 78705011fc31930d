package org.ws2.benchmarks;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * Drives a running WS2 stack and prints one table, then issue 23's figure | now | goal. It starts no stack,
 * only the bare Spring Cloud Gateway route the gateway is compared with ({@link BareGateway}):
 * <pre>
 *   ./ws2 start
 *   ./mvnw -B -q -Pbenchmarks -pl benchmarks package
 *   WS2_TOKEN=$(./ws2 token support-staff) java -jar benchmarks/target/ws2-benchmarks.jar
 * </pre>
 * Every comparison of routes runs interleaved in one sitting (direct, gateway, bare, then the reverse...),
 * because on a shared machine only ratios measured side by side mean anything.
 * Results go to stdout and to {@code target/benchmark/} (CSV, an HTML page with charts, and the goals table).
 */
public final class Benchmark {

    /** One way to the same endpoint: the service itself, the gateway, or the bare route. */
    private record Route(Result result, String base, Optional<ProcessHandle> proxy) {
    }

    private final Options options;
    private final StackClient stack;
    private final StackProcesses processes;
    private final Goals goals;
    private final List<Result> results = new ArrayList<>();

    Benchmark(Options options) {
        this.options = options;
        this.stack = new StackClient(options);
        this.processes = new StackProcesses(Path.of(options.ws2Home));
        this.goals = new Goals(options);
    }

    public static void main(String[] args) throws Exception {
        // Kafka's client logs through SLF4J, which the bare gateway's Logback would otherwise print at DEBUG;
        // a system property of this JVM only, so the bare gateway's own JVM keeps Boot's default logging
        System.setProperty("logback.configurationFile", "benchmark-logback.xml");
        Options options = Options.parse(args);
        new Benchmark(options).run();
    }

    void run() throws Exception {
        System.out.printf(Locale.ROOT, "WS2 benchmark: gateway %s, recommendations %s, reporting %s; %d connections, "
                + "%d s slices x %d rounds; %s; load average before: %s%n", options.gateway, options.recommendations,
                options.reporting, options.concurrency, options.sliceSeconds, options.rounds, machine(), loadAverage());
        stack.checkReachable();
        if (!processes.found()) {
            goals.noProcesses = processes.runDirectory().toAbsolutePath().toString();
            System.out.println("no pid files under " + goals.noProcesses + " (--ws2-home): CPU and memory not measured");
        }

        if (options.runs("reads") || options.runs("writes")) {
            throughput("/api/recommendations/" + options.readId);
        }
        if (options.runs("events")) {
            WriteToReadModel events = new WriteToReadModel(stack, options, processes);
            goals.oneWriter = events.oneAtATime();
            goals.atRate = events.run();
            // last: the runs before have compiled the write path (JIT), which would otherwise be charged to these
            // writes; work they left to consumers other than reporting would be too, which the pass's idle reading shows
            Result cpuPass = events.cpuPass();
            goals.cpuPerWrite = events.cpuPerWrite().orElse(null);
            goals.cpuPerWriteWithPoller = events.cpuPerWriteWithPoller().orElse(null);
            results.addAll(List.of(goals.oneWriter, goals.atRate, cpuPass));
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
        if (options.runs("reports") || options.runs("editions")) {
            ReportsBenchmark reports = new ReportsBenchmark(stack, options);
            String scale = reports.buildDataSet();
            if (options.runs("reports")) {
                results.addAll(reports.run(scale));
            }
            if (options.runs("editions")) {
                // publishing is a side effect no other phase has: a phase of its own, asked for by name
                EditionsBenchmark editions = new EditionsBenchmark(stack, options, reports);
                results.addAll(editions.run(scale));
                goals.editionBuild = editions.build();
                goals.editionFormats = editions.formats();
            }
        }
        goals.serviceRss = processes.serviceRssMegabytes();

        Report report = new Report(results, options, machine(), loadAverage());
        report.printTable(System.out);
        System.out.println();
        System.out.println("Issue 23's goals:");
        String goalsTable = goals.markdown();
        System.out.print(goalsTable);
        System.out.println();
        System.out.println("Issue 21's goals:");
        String editionGoals = goals.editionsMarkdown();
        System.out.print(editionGoals);
        Path out = Path.of(options.outputDir);
        Files.createDirectories(out);
        report.writeCsv(out.resolve("results.csv"));
        report.writeHtml(out.resolve("report.html"));
        Files.writeString(out.resolve("goals.md"), goalsTable + "\n" + editionGoals);
        System.out.println("CSV, HTML report and goals table: " + out.toAbsolutePath());
    }

    /**
     * Reads and writes, each direct, through the gateway and through the bare route (with {@code bare}),
     * interleaved slice by slice.
     */
    void throughput(String readPath) throws Exception {
        boolean reads = options.runs("reads");
        boolean writes = options.runs("writes");
        try (BareGateway bare = (reads || writes) && options.runs("bare") ? startBareGateway(readPath) : null) {
            String get = "GET " + readPath;
            List<Route> readRoutes = new ArrayList<>(List.of(
                    new Route(new Result(get, "direct"), options.recommendations, Optional.empty()),
                    new Route(new Result(get, "gateway"), options.gateway, processes.process("gateway"))));
            if (bare != null) {
                readRoutes.add(new Route(new Result(get, "bare route"), bare.baseUrl(), ProcessHandle.of(bare.pid())));
            }
            String post = "POST /api/recommendations";
            List<Route> writeRoutes = new ArrayList<>(List.of(
                    new Route(new Result(post, "direct"), options.recommendations, Optional.empty()),
                    new Route(new Result(post, "gateway"), options.gateway, processes.process("gateway"))));
            Route bareWrites = bare == null ? null
                    : new Route(new Result(post, "bare route"), bare.baseUrl(), ProcessHandle.of(bare.pid()));
            if (bareWrites != null) {
                writeRoutes.add(bareWrites);
            }

            System.out.println("warming up (JIT, connection pools)...");
            if (reads) {
                for (Route route : readRoutes) {
                    closedLoop(i -> stack.get(route.base() + readPath), options.concurrency, Duration.ofSeconds(5));
                }
            }
            if (bare != null) {
                // a JVM started a minute ago, against a gateway that has served since the stack started
                closedLoop(i -> stack.get(bare.baseUrl() + readPath), options.concurrency, Duration.ofSeconds(5));
            }
            if (writes) {
                for (Route route : writeRoutes) {
                    closedLoop(i -> stack.post(route.base()), options.concurrency, Duration.ofSeconds(3));
                }
            }

            Duration slice = Duration.ofSeconds(options.sliceSeconds);
            // Each write leaves work behind it (the relay, three consumers), which would otherwise be done
            // during the next slice and charged to it; and the order reverses each round, so that of any two
            // routes neither always runs before the other.
            for (int round = 0; round < options.rounds; round++) {
                if (reads) {
                    for (Route route : inRoundOrder(readRoutes, round)) {
                        stack.awaitReadModelCaughtUp();
                        measured(route, i -> stack.get(route.base() + readPath), slice);
                    }
                }
                if (writes) {
                    for (Route route : inRoundOrder(writeRoutes, round)) {
                        long before = stack.awaitReadModelCaughtUp().total();
                        Map<String, Double> cpuBefore = processes.cpuMillis();
                        Sample sample = measured(route, i -> stack.post(route.base()), slice);
                        // the slice's last request has answered: how long until the read model has them all
                        ReadModelCatchUp.CaughtUp after = stack.awaitReadModelCaughtUp();
                        Result r = route.result();
                        StackProcesses.used(cpuBefore, processes.cpuMillis())
                                .forEach((name, ms) -> r.stackCpuMillis.merge(name, ms, Double::sum));
                        r.readModelBehind = Double.isNaN(r.readModelBehind) ? after.seconds()
                                : Math.max(r.readModelBehind, after.seconds());
                        r.lost += Math.max(0, before + (sample.count - sample.errors) - after.total());
                    }
                }
            }
            if (reads) {
                readRoutes.forEach(route -> results.add(route.result()));
                goals.readsDirect = readRoutes.get(0).result();
                goals.readsGateway = readRoutes.get(1).result();
                goals.readsBare = bare == null ? null : readRoutes.get(2).result();
                readRoutes.forEach(route -> route.result().note = cpuNote(route.result()));
                if (bare != null) {
                    goals.readsGateway.note += String.format(Locale.ROOT, "; %.2fx the bare route",
                            goals.readsGateway.throughput() / goals.readsBare.throughput());
                }
            }
            if (writes) {
                if (bareWrites != null) {
                    // not a process of the stack: its CPU joins the route's as the gateway's does
                    Result r = bareWrites.result();
                    r.stackCpuMillis.put("bare route", r.proxyCpuMillis);
                }
                writeRoutes.forEach(route -> {
                    Result r = route.result();
                    results.add(r);
                    long acknowledged = r.count() - r.errors();
                    r.note = String.format(Locale.ROOT, "read model caught up %.1f s after the last acknowledgement "
                            + "(worst slice); %d acknowledged writes not in it", r.readModelBehind, r.lost);
                    if (!r.stackCpuMillis.isEmpty() && acknowledged > 0) {
                        var cpu = new WriteToReadModel.CpuPerWrite(r.stackCpuMillis, acknowledged, 0, Double.NaN);
                        r.note += String.format(Locale.ROOT, "; CPU per acknowledged write %.1f ms at this concurrency, "
                                + "the catch-up's polls included (%s)", cpu.total(), cpu.breakdown());
                    }
                    if (!Double.isNaN(r.proxyCpuPerRequest())) {
                        r.note += "; " + cpuNote(r);
                    }
                });
                goals.writesThroughGateway = writeRoutes.get(1).result();
                if (bareWrites != null) {
                    goals.writesThroughGateway.note += String.format(Locale.ROOT, "; %.2fx the bare route",
                            goals.writesThroughGateway.throughput() / bareWrites.result().throughput());
                }
            }
        }
    }

    private BareGateway startBareGateway(String readPath) throws Exception {
        Path log = Path.of(options.outputDir, "bare-gateway.log");
        System.out.println("starting a bare Spring Cloud Gateway route to " + options.recommendations + " (log: " + log + ")...");
        BareGateway bare = BareGateway.start(options.recommendations, "/api/recommendations/**", log);
        int status = stack.http().send(stack.get(bare.baseUrl() + readPath), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != 200) {
            bare.close();
            throw new IllegalStateException("GET " + readPath + " through the bare route answered " + status + "; see " + log);
        }
        System.out.printf(Locale.ROOT, "bare route at %s (pid %d)%n", bare.baseUrl(), bare.pid());
        return bare;
    }

    /** One slice on one route; with the proxy's CPU time around it, where its process is known. */
    private Sample measured(Route route, IntFunction<HttpRequest> request, Duration slice) throws InterruptedException {
        double cpuBefore = route.proxy().map(processes::cpuMillis).orElse(Double.NaN);
        Sample sample = closedLoop(request, options.concurrency, slice);
        double cpu = route.proxy().map(processes::cpuMillis).orElse(Double.NaN) - cpuBefore;
        Result r = route.result();
        r.add(sample);
        if (!Double.isNaN(cpu)) {
            r.proxyCpuMillis = (Double.isNaN(r.proxyCpuMillis) ? 0 : r.proxyCpuMillis) + cpu;
        }
        return sample;
    }

    private static String cpuNote(Result r) {
        return Double.isNaN(r.proxyCpuPerRequest()) ? ""
                : String.format(Locale.ROOT, "proxy CPU %.2f ms per request", r.proxyCpuPerRequest());
    }

    /** The routes in their order on even rounds, reversed on odd ones. */
    static <T> List<T> inRoundOrder(List<T> routes, int round) {
        List<T> ordered = new ArrayList<>(routes);
        if (round % 2 == 1) {
            Collections.reverse(ordered);
        }
        return ordered;
    }

    /**
     * The list endpoints and the summary through the gateway, at the catalogue's size: the first, a random and
     * the last page by number, the last page by cursor where pages have {@code next} links, and each kind of
     * filter (issue 23: every filter and any depth).
     */
    List<Result> listLatency() throws Exception {
        long size = stack.listTotal();
        long listed = stack.catalogueTotal();
        int lastPage = (int) Math.max(0, (listed - 1) / 50);
        String scale = String.format(Locale.ROOT, "at %,d recommendations", size);
        Duration slice = Duration.ofSeconds(options.sliceSeconds);
        int users = options.listReaders;
        String list = options.gateway + "/api/recommendations?size=50";
        Map<String, Result> pages = new LinkedHashMap<>();
        Map<Result, IntFunction<HttpRequest>> requests = new LinkedHashMap<>();
        BiConsumer<String, String> page = (name, query) -> {
            Result r = new Result("GET /api/recommendations?size=50" + query + " " + scale, "gateway");
            pages.put(name, r);
            requests.put(r, i -> stack.get(list + query.replace("<random>",
                    String.valueOf(ThreadLocalRandom.current().nextInt(lastPage + 1)))));
        };
        page.accept("first", "");
        page.accept("random page", "&page=<random>");
        page.accept("last page (" + lastPage + ")", "&page=" + lastPage);
        page.accept("status, by title", "&status=NOT_STARTED&sort=title");
        page.accept("topic", "&topic=3");
        page.accept("words", "&q=Benchmark");
        List<String> byCursor = stack.pagesByCursor();
        if (!byCursor.isEmpty()) {
            String last = byCursor.get(byCursor.size() - 1);
            Result r = new Result("GET " + last.replaceAll("after=[^&]*", "after=<the last page's cursor>") + " " + scale,
                    "gateway");
            pages.put("last page by cursor", r);
            requests.put(r, i -> stack.get(options.gateway + last));
            Result any = new Result("GET " + last.replaceAll("after=[^&]*", "after=<a cursor at random depth>") + " "
                    + scale, "gateway");
            pages.put("random depth by cursor", any);
            requests.put(any, i -> stack.get(options.gateway
                    + byCursor.get(ThreadLocalRandom.current().nextInt(byCursor.size()))));
        }
        Result summary = new Result("GET /api/reports/summary " + scale, "gateway");
        requests.put(summary, i -> stack.get(options.gateway + "/api/reports/summary"));
        for (int round = 0; round < options.rounds; round++) {
            for (Map.Entry<Result, IntFunction<HttpRequest>> e : requests.entrySet()) {
                e.getKey().add(closedLoop(e.getValue(), users, slice));
            }
        }
        requests.keySet().forEach(r -> r.note = users + (users == 1 ? " connection" : " connections"));
        goals.listPages = pages;
        goals.catalogue = size;
        return new ArrayList<>(requests.keySet());
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
