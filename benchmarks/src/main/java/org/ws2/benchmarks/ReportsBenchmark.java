package org.ws2.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Issue 8's benchmark: the reports at 10,000 recommendations × 200 groups × 50,000 assignments, and a
 * projection rebuild beside Kafka's own consumer. Everything is built through the services' own APIs
 * (directly, not through the gateway, which is not what is measured here), so reporting reads real events:
 * the catalogue is filled by {@link StackClient#fillCatalogue()}, groups {@code BENCH-001}... are registered
 * until there are 200, and each block of 200 recommendations is triaged in bulk to five of them, until
 * there are 50,000 assignments. Re-running reuses what an earlier run built.
 */
final class ReportsBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern BENCH_ID = Pattern.compile("\"id\"\\s*:\\s*\"BENCH-");
    private static final Pattern LAG = Pattern.compile(
            "(?m)^kafka_consumer_fetch_manager_records_lag\\{[^}]*topic=\"ws2\\.[^\"]*\"[^}]*} ([0-9.eE+-]+)$");
    private static final Pattern EVENTS = Pattern.compile("\"events\"\\s*:\\s*(\\d+)");
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"");

    static final int GROUPS = 200;
    static final int ASSIGNMENTS = 50_000;
    static final int GROUPS_PER_BLOCK = 5;

    private final StackClient stack;
    private final Options options;

    ReportsBenchmark(StackClient stack, Options options) {
        this.stack = stack;
        this.options = options;
    }

    /**
     * Builds issue 8's data set (or reuses what an earlier run built) and waits until reporting has read it all;
     * returns its scale as the results' names print it, so that the reports and the editions share one data set.
     */
    String buildDataSet() throws Exception {
        stack.fillCatalogue();
        List<String> groups = registerGroups();
        triage(groups);
        awaitReportingCaughtUp();
        return String.format(Locale.ROOT, "at %,d recs x %,d groups x %,d assignments", stack.listTotal(),
                groupTotal(), assignmentTotal());
    }

    /** Issue 8's reports on the data set {@link #buildDataSet()} built. */
    List<Result> run(String scale) throws Exception {
        List<Result> results = new ArrayList<>();
        String quarter = quarter(java.time.Instant.now());
        results.add(latency("GET /api/reports/quarterly/" + quarter + "?format=json " + scale,
                "/api/reports/quarterly/" + quarter + "?format=json"));
        results.add(latency("GET /api/reports/quarterly/" + quarter + "?format=html " + scale,
                "/api/reports/quarterly/" + quarter + "?format=html"));
        results.add(latency("GET /api/reports/progress " + scale, "/api/reports/progress"));
        results.add(latency("GET /api/reports/matrix " + scale, "/api/reports/matrix"));
        results.add(latency("GET /api/reports/matrix?topic=3 " + scale, "/api/reports/matrix?topic=3"));
        // issue 12: a 50-item page of assignments (paged in SQL) at 50,000, through the gateway
        String page = "target p99 <= 20 ms";
        results.add(latency("GET /api/assignments?size=50 " + scale, options.gateway, "/api/assignments?size=50",
                "gateway", page));
        results.add(latency("GET /api/assignments?size=50&page=500 " + scale, options.gateway,
                "/api/assignments?size=50&page=500", "gateway", page));
        results.add(latency("GET /api/assignments?groupId=BENCH-100&size=50 " + scale, options.gateway,
                "/api/assignments?groupId=BENCH-100&size=50", "gateway", page));
        results.add(rebuild());
        results.add(kafkaConsumerPerfTest());
        return results;
    }

    /** Registers BENCH-nnn groups until the directory holds {@link #GROUPS}; returns the benchmark's groups. */
    List<String> registerGroups() throws Exception {
        List<String> ids = IntStream.rangeClosed(1, GROUPS).mapToObj(i -> String.format(Locale.ROOT, "BENCH-%03d", i))
                .toList();
        // the reference groups count towards the 200: register as many benchmark groups as make up the rest
        String directory = send(stack.get(options.groups + "/api/groups")).body();
        long others = ID.matcher(directory).results().count() - BENCH_ID.matcher(directory).results().count();
        List<String> wanted = new ArrayList<>(ids.subList(0, (int) Math.max(0, Math.min(GROUPS, GROUPS - others))));
        int created = 0;
        for (String id : wanted) {
            HttpResponse<String> response = send(post(options.groups + "/api/groups", """
                    {"id":"%s","name":"Benchmark group %s","kind":"ORG_FUNCTION","note":"created by the load driver"}"""
                    .formatted(id, id)));
            if (response.statusCode() == 201) {
                created++;
            } else if (response.statusCode() != 409) {
                throw new IllegalStateException("POST /api/groups answered " + response.statusCode() + ": "
                        + response.body());
            }
        }
        System.out.printf(Locale.ROOT, "groups: %d registered now, %d in all%n", created, groupTotal());
        return wanted;
    }

    /** Blocks of 200 recommendations, each triaged in one bulk request to five of the benchmark's groups. */
    void triage(List<String> groups) throws Exception {
        long have = assignmentTotal();
        if (have >= ASSIGNMENTS) {
            System.out.printf(Locale.ROOT, "assignments: %,d already%n", have);
            return;
        }
        List<String> recommendations = recommendationIds();
        int block = 0;
        for (int from = 0; from < recommendations.size() && assignmentTotal() < ASSIGNMENTS; from += 200, block++) {
            List<String> ids = recommendations.subList(from, Math.min(recommendations.size(), from + 200));
            List<String> chosen = new ArrayList<>();
            for (int g = 0; g < GROUPS_PER_BLOCK; g++) {
                chosen.add(groups.get((block * GROUPS_PER_BLOCK + g) % groups.size()));
            }
            HttpResponse<String> response = send(post(options.groups + "/api/assignments/bulk", """
                    {"recommendationIds":[%s],"groupIds":[%s],"applicabilityNote":"load driver"}""".formatted(
                    quoted(ids), quoted(chosen))));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST /api/assignments/bulk answered " + response.statusCode() + ": "
                        + response.body());
            }
        }
        System.out.printf(Locale.ROOT, "assignments: %,d%n", assignmentTotal());
    }

    /** Until reporting's consumers have read every record of the four topics (lag 0 twice running). */
    void awaitReportingCaughtUp() throws Exception {
        long started = System.nanoTime();
        int zeroes = 0;
        while (zeroes < 2) {
            double lag = reportingLag();
            zeroes = lag == 0 ? zeroes + 1 : 0;
            if (System.nanoTime() - started > Duration.ofMinutes(20).toNanos()) {
                throw new IllegalStateException("reporting still " + lag + " records behind after 20 minutes");
            }
            Thread.sleep(1000);
        }
        System.out.printf(Locale.ROOT, "reporting caught up after %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** Sequential requests straight to reporting: the report's own time, after a warm-up. */
    Result latency(String name, String path) throws Exception {
        return latency(name, options.reporting, path, "direct", "target quarterly p99 <= 300 ms");
    }

    /** {@code path} on {@code base}, one request at a time after three to warm up. */
    Result latency(String name, String base, String path, String via, String target) throws Exception {
        return latency(name, stack.get(base + path), via, target);
    }

    /** {@code request} (one that may carry a token), one at a time after three to warm up. */
    Result latency(String name, HttpRequest request, String via, String target) throws Exception {
        String path = request.uri().getPath();
        Result result = new Result(name, via);
        for (int i = 0; i < 3; i++) {
            check(send(request), path);
        }
        Sample sample = new Sample();
        long start = System.nanoTime();
        List<Long> times = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < options.reportSamples; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = send(request);
            times.add(System.nanoTime() - t0);
            if (response.statusCode() != 200) {
                errors++;
            }
        }
        sample.merge(times, errors);
        sample.seconds = (System.nanoTime() - start) / 1e9;
        result.add(sample);
        result.note = options.reportSamples + " sequential requests, 1 connection; " + target;
        return result;
    }

    /** Starts a rebuild (admin) and reads its own count of events replayed per second. */
    Result rebuild() throws Exception {
        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(options.reporting + "/api/reports/rebuild"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + options.adminToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (started.statusCode() >= 300) {
            throw new IllegalStateException("POST /api/reports/rebuild answered " + started.statusCode() + ": "
                    + started.body() + " (WS2_ADMIN_TOKEN=$(./ws2 token admin))");
        }
        String status;
        do {
            Thread.sleep(500);
            status = send(HttpRequest.newBuilder(URI.create(options.reporting + "/api/reports/rebuild"))
                    .header("Authorization", "Bearer " + options.adminToken).GET().build()).body();
        } while (!state(status).equals("COMPLETED") && !state(status).equals("FAILED"));
        if (state(status).equals("FAILED")) {
            throw new IllegalStateException("the rebuild failed: " + status);
        }
        Result result = new Result("projection rebuild (replay from offset 0 into fresh tables, swap)", "direct");
        result.throughputOnly(number(EVENTS, status), number(Pattern.compile("\"eventsPerSecond\"\\s*:\\s*(\\d+)"),
                status));
        result.note = "events/s as the rebuild reports it; target >= 30,000";
        return result;
    }

    /** Kafka's own consumer over the same topics, on the same machine: what a replay could reach at best. */
    Result kafkaConsumerPerfTest() throws Exception {
        long total = 0;
        double seconds = 0;
        for (String topic : List.of("ws2.recommendations.v1", "ws2.groups.v1", "ws2.assignments.v1",
                "ws2.engagements.v1")) {
            long messages = endOffsets(topic);
            if (messages == 0) {
                continue;
            }
            String classpath = System.getProperty("java.class.path") + java.io.File.pathSeparator
                    + Path.of(System.getProperty("java.class.path")).resolveSibling("lib") + "/*";
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // the tool's result is its last line of output: no log lines from its clients after it
                    "-Dlogback.configurationFile=benchmark-logback.xml",
                    "-cp", classpath, "org.apache.kafka.tools.ConsumerPerformance",
                    "--bootstrap-server", options.kafka, "--topic", topic, "--messages", Long.toString(messages),
                    "--group", "ws2-benchmark-" + System.nanoTime(), "--hide-header", "--timeout", "60000")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("kafka-consumer-perf-test failed: " + output);
            }
            // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,
            // fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
            String[] fields = output.strip().lines().reduce((a, b) -> b).orElseThrow().split(",\\s*");
            long consumed = Long.parseLong(fields[4].strip());
            double fetchMs = Double.parseDouble(fields[7].strip());
            total += consumed;
            seconds += fetchMs / 1000;
        }
        Result result = new Result("kafka-consumer-perf-test over the four topics", "direct");
        result.throughputOnly(total, seconds == 0 ? 0 : Math.round(total / seconds));
        result.note = "records/s over fetch time (rebalance excluded), summed over the topics";
        return result;
    }

    // ------------------------------------------------------------ reading the stack

    private long endOffsets(String topic) throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers", options.kafka))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            var request = partitions.stream().collect(Collectors.toMap(
                    p -> new org.apache.kafka.common.TopicPartition(topic, p.partition()),
                    p -> org.apache.kafka.clients.admin.OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    private double reportingLag() throws Exception {
        String metrics = send(stack.get(options.reporting + "/actuator/prometheus")).body();
        Matcher m = LAG.matcher(metrics);
        double lag = 0;
        boolean any = false;
        while (m.find()) {
            lag += Double.parseDouble(m.group(1));
            any = true;
        }
        return any ? lag : Double.MAX_VALUE;
    }

    private List<String> recommendationIds() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = send(stack.get(options.recommendations
                    + "/api/recommendations?size=200&sort=id&page=" + page));
            List<String> found = new ArrayList<>();
            Matcher items = Pattern.compile("\"items\"\\s*:\\s*\\[(.*)]", Pattern.DOTALL).matcher(response.body());
            if (items.find()) {
                Matcher id = Pattern.compile("\\{\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(items.group(1));
                while (id.find()) {
                    found.add(id.group(1));
                }
            }
            if (found.isEmpty()) {
                return ids;
            }
            ids.addAll(found);
        }
    }

    private long groupTotal() throws Exception {
        return ID.matcher(send(stack.get(options.groups + "/api/groups")).body()).results().count();
    }

    private long assignmentTotal() throws Exception {
        return StackClient.total(send(stack.get(options.groups + "/api/assignments?size=1")));
    }

    /** The quarter running at {@code now}: reporting dates its quarters in UTC. */
    static String quarter(java.time.Instant now) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    private HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + options.token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return stack.http().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void check(HttpResponse<String> response, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(","));
    }

    private static String state(String status) {
        Matcher m = STATE.matcher(status);
        return m.find() ? m.group(1) : "UNKNOWN";
    }

    private static long number(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
