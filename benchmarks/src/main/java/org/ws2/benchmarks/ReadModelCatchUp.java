package org.ws2.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether reporting-service's read model has applied every change the catalogue holds, and the wait until it
 * has. The fact compared is what both sides count the same way: one programme's recommendations (WS2's, the
 * only one the benchmark writes to) not retired, per status (reporting's summary leaves retired ones out and
 * counts one programme; the catalogue's list leaves retired ones out unless asked, and counts every programme
 * unless one is asked, so the programme is named on both sides). Equal totals
 * alone would take a retirement not yet applied plus a creation not yet applied for caught up, and a status
 * change not yet applied would not show at all; counts per status catch both. Nothing here compares times:
 * a back-dated change carries its effective time, not the time it was made, so the summary's {@code asOf}
 * says nothing about what has been applied.
 */
final class ReadModelCatchUp {

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern BY_STATUS = Pattern.compile("\"byStatus\"\\s*:\\s*\\{([^}]*)}");
    private static final Pattern COUNT = Pattern.compile("\"([A-Z_]+)\"\\s*:\\s*(\\d+)");

    /** What the wait reads from the stack; each call is one fresh read. */
    interface Counts {

        /** Reporting's summary: the programme's recommendations not retired, per status. */
        Map<String, Long> readModel() throws IOException, InterruptedException;

        /** The catalogue's recommendations of the same programme not retired. */
        long sourceTotal() throws IOException, InterruptedException;

        /** The catalogue's recommendations of the same programme not retired in {@code status}. */
        long source(String status) throws IOException, InterruptedException;
    }

    /** Waits between reads: a poll interval, not a guess at how long the read model needs. */
    interface Pause {
        void pause(Duration length) throws InterruptedException;
    }

    /**
     * @param total   recommendations not retired, as both sides count them
     * @param seconds how long the wait took
     */
    record CaughtUp(long total, double seconds) {
    }

    static final Duration POLL = Duration.ofMillis(50);
    /** Reporting applies well over a hundred events a second on two cores; a minute with none applied is a fault. */
    static final Duration STALL = Duration.ofSeconds(60);
    /** However steadily it moves: a read model still behind after this is chasing someone else's writes. */
    static final Duration LIMIT = Duration.ofMinutes(20);

    private final Counts counts;
    private final Pause pause;
    private final LongSupplier nanoTime;

    ReadModelCatchUp(Counts counts, Pause pause, LongSupplier nanoTime) {
        this.counts = counts;
        this.pause = pause;
        this.nanoTime = nanoTime;
    }

    /**
     * Returns once the read model's counts per status equal the catalogue's; fails when the read model has not
     * changed for {@link #STALL}, or is still behind after {@link #LIMIT}, saying what each side holds.
     */
    CaughtUp await() throws IOException, InterruptedException {
        long started = nanoTime.getAsLong();
        long lastMove = started;
        Map<String, Long> previous = null;
        while (true) {
            Map<String, Long> readModel = counts.readModel();
            long readModelTotal = total(readModel);
            // the totals first, one request each; the per-status reads only once they agree
            long sourceTotal = counts.sourceTotal();
            Map<String, Long> source = null;
            if (sourceTotal == readModelTotal) {
                source = source(readModel.keySet());
                if (difference(source, readModel).isEmpty()) {
                    return new CaughtUp(readModelTotal, (nanoTime.getAsLong() - started) / 1e9);
                }
            }
            long now = nanoTime.getAsLong();
            if (!readModel.equals(previous)) {
                previous = readModel;
                lastMove = now;
            }
            boolean stalled = now - lastMove > STALL.toNanos();
            if (stalled || now - started > LIMIT.toNanos()) {
                throw new IllegalStateException(stuck(readModel, source != null ? source : source(readModel.keySet()),
                        stalled));
            }
            pause.pause(POLL);
        }
    }

    private Map<String, Long> source(Set<String> statuses) throws IOException, InterruptedException {
        Map<String, Long> source = new LinkedHashMap<>();
        for (String status : statuses) {
            source.put(status, counts.source(status));
        }
        return source;
    }

    private static String stuck(Map<String, Long> readModel, Map<String, Long> source, boolean stalled) {
        String why = stalled
                ? "the read model has not changed for " + STALL.toSeconds() + " s"
                : "the read model is still behind after " + LIMIT.toMinutes() + " minutes";
        String hint = total(readModel) > total(source)
                ? "reporting holds recommendations the catalogue does not count: a change not yet applied there, or "
                        + "its database and the catalogue's are from different runs (stop the stack, remove .ws2-local, start again)"
                : "is reporting-service running and consuming (its log, /actuator/health)?";
        return why + ": " + difference(source, readModel).orElse("the counts agree now") + "; " + hint;
    }

    /**
     * Where the catalogue's counts ({@code source}) and the read model's differ, or empty when they are equal;
     * a status only one side lists counts as 0 on the other.
     */
    static Optional<String> difference(Map<String, Long> source, Map<String, Long> readModel) {
        Set<String> statuses = new TreeSet<>(source.keySet());
        statuses.addAll(readModel.keySet());
        StringBuilder differences = new StringBuilder();
        for (String status : statuses) {
            long s = source.getOrDefault(status, 0L);
            long r = readModel.getOrDefault(status, 0L);
            if (s != r) {
                differences.append(differences.length() == 0 ? "" : ", ").append(status).append(' ').append(r)
                        .append(" in the read model, ").append(s).append(" in the catalogue");
            }
        }
        if (differences.length() == 0) {
            return Optional.empty();
        }
        return Optional.of("not retired, " + differences + " (in all " + total(readModel) + " against "
                + total(source) + ")");
    }

    /** The summary's {@code byStatus}: every status, with 0 where there are none. */
    static Map<String, Long> byStatus(String summary) {
        Matcher block = BY_STATUS.matcher(summary);
        if (!block.find()) {
            throw new IllegalArgumentException("no byStatus in the summary: " + summary);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        Matcher count = COUNT.matcher(block.group(1));
        while (count.find()) {
            counts.put(count.group(1), Long.parseLong(count.group(2)));
        }
        return counts;
    }

    /** The {@code total} of a summary or a page of a list. */
    static long total(String body) {
        Matcher m = TOTAL.matcher(body);
        if (!m.find()) {
            throw new IllegalArgumentException("no total in " + body);
        }
        return Long.parseLong(m.group(1));
    }

    static long total(Map<String, Long> byStatus) {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }
}
