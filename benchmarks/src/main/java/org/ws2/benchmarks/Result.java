package org.ws2.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One line of the table: the same request measured in one or more interleaved slices. */
final class Result {

    final String what;
    final String via;
    final List<Sample> samples = new ArrayList<>();
    String note = "";
    /** A write line: the longest wait after one of its slices until the read model had applied the slice's writes, s. */
    double readModelBehind = Double.NaN;
    /** A write line: writes acknowledged in its slices that the read model did not count once caught up. */
    long lost;
    /**
     * A write line: CPU milliseconds each process of the stack used from the start of each of its slices until the
     * read model had the slice's writes (the catch-up's polls included); empty where the processes are not known.
     */
    final Map<String, Double> stackCpuMillis = new TreeMap<>();
    /** A proxy's line: CPU milliseconds its process used during the slices; NaN where it was not measured. */
    double proxyCpuMillis = Double.NaN;
    private long[] sorted;

    Result(String what, String via) {
        this.what = what;
        this.via = via;
    }

    Result add(Sample sample) {
        samples.add(sample);
        sorted = null;
        return this;
    }

    /** A line timed by another clock (a rebuild's own count, Kafka's tool): a count and a rate, no latencies. */
    Result throughputOnly(long count, long perSecond) {
        Sample sample = new Sample();
        sample.count = count;
        sample.seconds = perSecond == 0 ? 0 : (double) count / perSecond;
        return add(sample);
    }

    double throughput() {
        double seconds = samples.stream().mapToDouble(s -> s.seconds).sum();
        return seconds == 0 ? 0 : samples.stream().mapToLong(s -> s.count).sum() / seconds;
    }

    long errors() {
        return samples.stream().mapToLong(s -> s.errors).sum();
    }

    /** CPU milliseconds of the proxy per request, or NaN. */
    double proxyCpuPerRequest() {
        return count() == 0 ? Double.NaN : proxyCpuMillis / count();
    }

    long count() {
        return samples.stream().mapToLong(s -> s.count).sum();
    }

    /** Nearest-rank percentile in milliseconds. */
    double percentile(double p) {
        if (sorted == null) {
            sorted = samples.stream().flatMap(s -> s.latencies.stream()).mapToLong(Long::longValue).sorted().toArray();
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
