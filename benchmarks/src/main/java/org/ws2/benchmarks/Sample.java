package org.ws2.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The latencies (nanoseconds) and errors of one timed slice. */
final class Sample {

    final List<Long> latencies = new ArrayList<>();
    int errors;
    long count;
    double seconds;

    synchronized void merge(Collection<Long> more, int moreErrors) {
        latencies.addAll(more);
        count += more.size();
        errors += moreErrors;
    }

    synchronized void record(long nanos, boolean ok) {
        latencies.add(nanos);
        if (!ok) {
            errors++;
        }
    }
}
