package org.ws2.systemtests.support;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Finds private values where a reader must not see them. Each private field a test writes gets a distinct
 * marker ({@link #plant}): letters, digits and dashes only, so that JSON, HTML, CSV, Markdown and URL encodings
 * all leave it as it is and a plain search of any answer finds it. Every answer read as one {@link Reader} is
 * then {@link #scan}ned for the markers hidden from that reader, and every hit is kept with where it was found,
 * so that one run names every leak rather than the first.
 */
public final class LeakScanner {

    /** Who read the answer: the audiences of docs/visibility.md below "the group and support". */
    public enum Reader {
        ANONYMOUS, OTHER_GROUP_EDITOR
    }

    /** A private value and who must never see it. */
    public record Marker(String value, String what, Set<Reader> hiddenFrom) {
    }

    /** A private value found in an answer, or another breach of visibility.md ({@link #flag}). */
    public record Hit(Reader reader, String source, String what, String excerpt) {

        @Override
        public String toString() {
            return reader + " saw " + what + " in " + source + (excerpt.isEmpty() ? "" : ": …" + excerpt + "…");
        }
    }

    private final String nonce;
    private final List<Marker> markers = new ArrayList<>();
    private final List<Hit> hits = new ArrayList<>();
    private int answersScanned;

    public LeakScanner() {
        this(UUID.randomUUID().toString().replace("-", "").substring(0, 10));
    }

    public LeakScanner(String nonce) {
        this.nonce = nonce;
    }

    /** What this run's markers end with: also a fresh id for the data the test creates. */
    public String nonce() {
        return nonce;
    }

    /** A fresh marker {@code leak-<kind>-<nonce>} for one private field, hidden from these readers. */
    public String plant(String kind, String what, Reader first, Reader... more) {
        String value = "leak-" + kind + "-" + nonce;
        watch(value, what, first, more);
        return value;
    }

    /** A private value the system made (a webhook's signing secret), hidden from these readers. */
    public void watch(String value, String what, Reader first, Reader... more) {
        markers.add(new Marker(value.toLowerCase(Locale.ROOT), what, EnumSet.of(first, more)));
    }

    public List<Marker> markers() {
        return List.copyOf(markers);
    }

    /** Looks for every marker hidden from {@code reader} in one answer; {@code source} says where it came from. */
    public synchronized void scan(Reader reader, String source, String body) {
        answersScanned++;
        if (body == null || body.isEmpty()) {
            return;
        }
        String text = body.toLowerCase(Locale.ROOT);
        for (Marker marker : markers) {
            if (!marker.hiddenFrom().contains(reader)) {
                continue;
            }
            int at = text.indexOf(marker.value());
            if (at >= 0) {
                int from = Math.max(0, at - 80);
                int to = Math.min(body.length(), at + marker.value().length() + 40);
                hits.add(new Hit(reader, source, marker.what() + " (" + marker.value() + ")",
                        body.substring(from, to).replaceAll("\\s+", " ")));
            }
        }
    }

    /** A breach that is not a marker: a draft priority's value, which is an enum and cannot carry one. */
    public synchronized void flag(Reader reader, String source, String what) {
        hits.add(new Hit(reader, source, what, ""));
    }

    public synchronized List<Hit> hits() {
        return List.copyOf(hits);
    }

    public synchronized int answersScanned() {
        return answersScanned;
    }

    /** Fails with every hit, one a line. */
    public synchronized void assertNoLeaks() {
        if (!hits.isEmpty()) {
            StringBuilder message = new StringBuilder(hits.size() + " private value(s) reached readers who must not see"
                    + " them (docs/visibility.md), in " + answersScanned + " answers scanned:");
            hits.forEach(hit -> message.append("\n  - ").append(hit));
            throw new AssertionError(message.toString());
        }
    }
}
