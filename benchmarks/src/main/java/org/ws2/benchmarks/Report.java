package org.ws2.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The table on stdout, the same as CSV, and an HTML page with bar charts. */
final class Report {

    private final List<Result> results;
    private final Options options;
    private final String machine;
    private final String loadAfter;
    private final Instant at = Instant.now();

    Report(List<Result> results, Options options, String machine, String loadAfter) {
        this.results = results;
        this.options = options;
        this.machine = machine;
        this.loadAfter = loadAfter;
    }

    /** A proxy's (the gateway's, the bare route's) throughput over direct throughput for the same request, in the same run. */
    Optional<Double> ratio(Result r) {
        if (r.via.equals("direct")) {
            return Optional.empty();
        }
        return results.stream().filter(o -> o.via.equals("direct") && o.what.equals(r.what)).findFirst()
                .map(direct -> r.throughput() / direct.throughput());
    }

    Optional<Double> p99Overhead(Result r) {
        if (r.via.equals("direct")) {
            return Optional.empty();
        }
        return results.stream().filter(o -> o.via.equals("direct") && o.what.equals(r.what)).findFirst()
                .map(direct -> r.percentile(99) - direct.percentile(99));
    }

    void printTable(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%s, %s, load average after: %s%n", at, machine, loadAfter);
        String format = "| %-72s | %-10s | %9s | %8s | %8s | %6s | %-22s | %s%n";
        out.printf(Locale.ROOT, format, "what", "via", "req/s", "p50 ms", "p99 ms", "errors", "vs direct", "note");
        out.printf(Locale.ROOT, format, "-".repeat(72), "-".repeat(10), "-".repeat(9), "-".repeat(8), "-".repeat(8),
                "-".repeat(6), "-".repeat(22), "");
        for (Result r : results) {
            String ratio = ratio(r).map(x -> String.format(Locale.ROOT, "%.2fx, p99 %+.1f ms", x, p99Overhead(r).orElse(0.0)))
                    .orElse("");
            out.printf(Locale.ROOT, format, r.what, r.via, throughput(r), ms(r.percentile(50)), ms(r.percentile(99)),
                    r.errors(), ratio, r.note);
        }
    }

    void writeCsv(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("what,via,requests,req_per_s,p50_ms,p99_ms,errors,over_direct,note\n");
        for (Result r : results) {
            csv.append(String.format(Locale.ROOT, "\"%s\",%s,%d,%.1f,%.2f,%.2f,%d,%s,\"%s\"%n", r.what, r.via, r.count(),
                    r.throughput(), r.percentile(50), r.percentile(99), r.errors(),
                    ratio(r).map(x -> String.format(Locale.ROOT, "%.3f", x)).orElse(""), r.note));
        }
        Files.writeString(file, csv);
    }

    void writeHtml(Path file) throws IOException {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>WS2 benchmark</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}
                td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}
                .bar{fill:#4a78b5}.bar2{fill:#d9822b}text{font-size:12px}</style></head><body>
                <h1>WS2 benchmark</h1>
                """);
        html.append("<p>").append(escape(at + " — " + machine + " — load average after the run: " + loadAfter + " — "
                + options.concurrency + " connections, " + options.sliceSeconds + " s slices × " + options.rounds
                + " rounds, interleaved")).append("</p>\n<table><tr><th>what</th><th>via</th><th>req/s</th><th>p50 ms</th>"
                + "<th>p99 ms</th><th>errors</th><th>vs direct</th><th>note</th></tr>\n");
        for (Result r : results) {
            html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%s</td><td>%s</td></tr>%n",
                    escape(r.what), r.via, throughput(r), ms(r.percentile(50)), ms(r.percentile(99)), r.errors(),
                    ratio(r).map(x -> String.format(Locale.ROOT, "%.2f×", x)).orElse(""), escape(r.note)));
        }
        html.append("</table>\n<h2>Throughput (req/s)</h2>\n");
        html.append(bars(results.stream().filter(r -> r.what.startsWith("GET /api/recommendations/") || r.what.startsWith("POST")).toList(), true));
        html.append("<h2>Latency p50 (blue) and p99 (orange), ms</h2>\n");
        html.append(bars(results, false));
        html.append("</body></html>\n");
        Files.writeString(file, html);
    }

    private static String bars(List<Result> rows, boolean throughput) {
        double max = rows.stream().mapToDouble(r -> throughput ? r.throughput() : r.percentile(99)).filter(d -> !Double.isNaN(d))
                .max().orElse(1);
        int rowHeight = throughput ? 22 : 34;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg width=\"1100\" height=\"%d\">%n",
                rows.size() * rowHeight + 10));
        int y = 5;
        for (Result r : rows) {
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s (%s)</text>%n", y + 14,
                    escape(r.what.length() > 70 ? r.what.substring(0, 70) + "…" : r.what), r.via));
            double first = throughput ? r.throughput() : r.percentile(50);
            svg.append(bar(first, max, y, "bar"));
            if (!throughput) {
                svg.append(bar(r.percentile(99), max, y + 15, "bar2"));
            }
            y += rowHeight;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String bar(double value, double max, int y, String cls) {
        double width = Double.isNaN(value) ? 0 : 500 * value / max;
        return String.format(Locale.ROOT, "<rect class=\"%s\" x=\"520\" y=\"%d\" width=\"%.1f\" height=\"13\"/>"
                + "<text x=\"%.1f\" y=\"%d\">%.1f</text>%n", cls, y + 3, width, 525 + width, y + 14, value);
    }

    private static String throughput(Result r) {
        return r.what.startsWith("write acknowledged") ? "-" : String.format(Locale.ROOT, "%.0f", r.throughput());
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
