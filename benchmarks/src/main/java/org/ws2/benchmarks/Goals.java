package org.ws2.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Issue 23's table, figure | now | goal, from whatever phases ran: each phase leaves its lines here, and a
 * figure no phase measured says so, and how it is measured instead.
 */
final class Goals {

    Result writesThroughGateway;
    Result oneWriter;
    Result atRate;
    /** From the events phase's CPU pass: no summary poller during the writes. */
    WriteToReadModel.CpuPerWrite cpuPerWrite;
    /** From its latency run, whose fast summary poller's CPU is in the figure: shown beside, for comparison. */
    WriteToReadModel.CpuPerWrite cpuPerWriteWithPoller;
    Result readsDirect;
    Result readsGateway;
    Result readsBare;
    Map<String, Long> serviceRss = Map.of();
    /** The 50-item list pages (not the summary) by a short name, and the catalogue's size they were read at. */
    Map<String, Result> listPages = Map.of();
    long catalogue;
    /** Issue 21: the running quarter's edition built cold (drafts, or corrections on a re-run), and its formats read. */
    Result editionBuild;
    Map<String, Result> editionFormats = Map.of();
    private final Options options;

    Goals(Options options) {
        this.options = options;
    }
    /** Where the stack's pid files were looked for, when none were found. */
    String noProcesses;

    /** One line of the table. {@code met} is empty where nothing was measured. */
    record Row(String figure, String now, String goal, Optional<Boolean> met) {

        String markdown() {
            return "| " + figure + " | " + now + " | " + goal + " | " + met.map(m -> m ? "yes" : "**no**").orElse("–") + " |";
        }
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(writes());
        rows.add(cpu());
        rows.add(latency("write → read model, one writer at a time", oneWriter,
                "`--phases events` (its first part)"));
        rows.add(latency("write → read model at " + options.writeRate + " writes/s", atRate,
                "`--phases events`"));
        rows.add(gatewayVsBare());
        rows.add(new Row("stack ready, second and later `./ws2 start`",
                "not measured by the benchmark, which starts no stack: `time ./ws2 start`",
                "≤ 30 s with no extra step; first start on a fresh clone (build included) ≤ 60 s", Optional.empty()));
        rows.add(rss());
        rows.add(lists());
        return rows;
    }

    String markdown() {
        return table("issue 23", rows());
    }

    /** Issue 21's figures: the edition's build and its published formats. */
    List<Row> editionRows() {
        return List.of(editionBuild(), editionFormats());
    }

    String editionsMarkdown() {
        return table("issue 21", editionRows());
    }

    private static String table(String issue, List<Row> rows) {
        StringBuilder table = new StringBuilder("| figure | now (this run) | goal (" + issue + ") | met |\n|---|---|---|---|\n");
        rows.forEach(row -> table.append(row.markdown()).append('\n'));
        return table.toString();
    }

    private Row editionBuild() {
        String figure = "the running quarter's edition built from the facts (a draft read after a change, or a correction)";
        String goal = "≤ 5 s";
        if (editionBuild == null) {
            return notMeasured(figure, "`--phases editions`", goal);
        }
        String now = String.format(Locale.ROOT, "p50 **%.0f ms**, max **%.0f ms** (%d builds, %d errors): %s",
                editionBuild.percentile(50), editionBuild.percentile(100), editionBuild.count(), editionBuild.errors(),
                editionBuild.what);
        return new Row(figure, now, goal, Optional.of(EditionsBenchmark.meetsBuildGoal(editionBuild)));
    }

    private Row editionFormats() {
        String figure = "a published edition read anonymously through the gateway, each format";
        String goal = "p99 ≤ 50 ms";
        if (editionFormats.isEmpty()) {
            return notMeasured(figure, "`--phases editions`", goal);
        }
        String now = editionFormats.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.0f ms", e.getKey(),
                e.getValue().percentile(99))).collect(Collectors.joining(", ")) + " (p99)";
        boolean met = editionFormats.values().stream().allMatch(r -> r.errors() == 0 && r.percentile(99) <= 50);
        return new Row(figure, now, goal, Optional.of(met));
    }

    private Row writes() {
        String figure = "writes through the gateway (`POST /api/recommendations`, closed loop)";
        String goal = "≥ 500/s sustained, read model ≤ 1 s behind the last acknowledgement, 0 lost";
        Result w = writesThroughGateway;
        if (w == null) {
            return notMeasured(figure, "`--phases writes`", goal);
        }
        figure = String.format(Locale.ROOT, "writes through the gateway (%d connections, `POST /api/recommendations`)",
                options.concurrency);
        String now = String.format(Locale.ROOT, "**%,.0f/s**; the read model %.1f s behind at the last acknowledgement; %d lost"
                + " (%d errors)", w.throughput(), w.readModelBehind, w.lost, w.errors());
        return new Row(figure, now, goal, Optional.of(w.throughput() >= 500 && w.readModelBehind <= 1 && w.lost == 0));
    }

    private Row cpu() {
        String figure = "CPU per acknowledged write, whole stack (writes alone: the read-model probe excluded)";
        String goal = "≤ 4 ms";
        if (cpuPerWrite == null) {
            return notMeasured(figure, atRate == null ? "`--phases events`"
                    : "`--phases events` on the stack's machine; no pid files under " + noProcesses, goal);
        }
        WriteToReadModel.CpuPerWrite c = cpuPerWrite;
        String until = c.caughtUp()
                ? String.format(Locale.ROOT, "until the read model had the last, %.1f s after its acknowledgement",
                        c.caughtUpSeconds())
                : "the read model still behind " + WriteToReadModel.CATCH_UP_LIMIT.toSeconds()
                        + " s after the last acknowledgement, so the window ends before the work does";
        String now = String.format(Locale.ROOT, "**%.1f ms** (%s), over %,d writes at %d/s with no summary poller, %s "
                + "(%d summary polls %d ms apart in the window)", c.total(), c.breakdown(), c.writes(), options.writeRate,
                until, c.summaryPolls(), WriteToReadModel.CPU_PASS_POLL.toMillis())
                + (cpuPerWriteWithPoller == null ? "" : String.format(Locale.ROOT, "; %.1f ms in the latency run, its "
                        + "fast poller's %,d summaries included", cpuPerWriteWithPoller.total(),
                        cpuPerWriteWithPoller.summaryPolls()));
        // a window cut short undercounts: over the goal is still over it, under it is not known
        Optional<Boolean> met = c.caughtUp() || c.total() > 4 ? Optional.of(c.total() <= 4) : Optional.empty();
        return new Row(figure, now, goal, met);
    }

    private Row latency(String figure, Result r, String phase) {
        String goal = "p50 ≤ 25 ms, p99 ≤ 100 ms";
        if (r == null) {
            return notMeasured(figure, phase, goal);
        }
        String now = String.format(Locale.ROOT, "p50 **%.0f ms**, p99 **%.0f ms** (%,d seen, %d errors)", r.percentile(50),
                r.percentile(99), r.count(), r.errors());
        return new Row(figure, now, goal, Optional.of(r.percentile(50) <= 25 && r.percentile(99) <= 100 && r.errors() == 0));
    }

    private Row gatewayVsBare() {
        String figure = String.format(Locale.ROOT, "`GET /api/recommendations/%s` through the gateway vs a bare Spring "
                + "Cloud Gateway route (same Boot and Cloud versions, defaults, one route to the same service), "
                + "interleaved, %d connections", options.readId, options.concurrency);
        String goal = "≥ 0.95× the bare route in the same run, with every feature on";
        if (readsGateway == null || readsBare == null) {
            return notMeasured(figure, "`--phases reads,bare`", goal);
        }
        double ratio = readsGateway.throughput() / readsBare.throughput();
        String now = String.format(Locale.ROOT, "ours %,.0f rps, bare route %,.0f rps: **%.2f×**; direct %,.0f%s",
                readsGateway.throughput(), readsBare.throughput(), ratio, readsDirect.throughput(), cpuPerRequest());
        return new Row(figure, now, goal, Optional.of(ratio >= 0.95));
    }

    private String cpuPerRequest() {
        if (Double.isNaN(readsGateway.proxyCpuPerRequest()) || Double.isNaN(readsBare.proxyCpuPerRequest())) {
            return "";
        }
        return String.format(Locale.ROOT, "; proxy CPU per request %.2f ms ours, %.2f ms bare",
                readsGateway.proxyCpuPerRequest(), readsBare.proxyCpuPerRequest());
    }

    private Row rss() {
        String figure = "RSS per service after the benchmark";
        String goal = "≤ 300 MB per service";
        if (serviceRss.isEmpty()) {
            return notMeasured(figure, "a run on the stack's machine (no pid files under " + noProcesses + ")", goal);
        }
        Map.Entry<String, Long> largest = serviceRss.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        String now = String.format(Locale.ROOT, "largest **%d MB** (%s); %s", largest.getValue(), largest.getKey(),
                serviceRss.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        return new Row(figure, now, goal, Optional.of(largest.getValue() <= 300));
    }

    private Row lists() {
        String figure = String.format(Locale.ROOT, "50-item page at %,d recommendations through the gateway, %d reader%s",
                catalogue, options.listReaders, options.listReaders == 1 ? "" : "s");
        String goal = "every filter and any depth ≤ 20 ms p99 (keyset where `OFFSET` costs)";
        if (listPages.isEmpty()) {
            return notMeasured("50-item page at the catalogue's size through the gateway, one reader", "`--phases lists`", goal);
        }
        String now = listPages.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.0f ms", e.getKey(),
                e.getValue().percentile(99))).collect(Collectors.joining(", ")) + " (p99)";
        double worst = listPages.values().stream().mapToDouble(r -> r.percentile(99)).max().orElse(Double.NaN);
        return new Row(figure, now, goal, Optional.of(worst <= 20));
    }

    private static Row notMeasured(String figure, String how, String goal) {
        return new Row(figure, "not measured in this run (" + how + ")", goal, Optional.empty());
    }
}
