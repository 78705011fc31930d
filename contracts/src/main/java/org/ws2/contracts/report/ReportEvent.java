package org.ws2.contracts.report;

import java.time.Instant;

import org.ws2.contracts.Ws2Event;
import org.ws2.contracts.report.ReportEvents.EditionPublished;

/**
 * The events on {@code ws2.reports.v1}, keyed by quarter ({@code 2021-Q2}). Each is small and whole: it
 * names the edition and where to read it, never its content, so it stays bounded however long an edition is.
 */
public sealed interface ReportEvent extends Ws2Event permits EditionPublished {

    String quarter();

    /** The edition's version after the change: a consumer that has seen a higher one ignores this one. */
    long version();

    /** When the change took effect. */
    Instant publishedAt();

    @Override
    default String subject() {
        return quarter();
    }

    @Override
    default long aggregateVersion() {
        return version();
    }

    @Override
    default Instant effectiveAt() {
        return publishedAt();
    }

    /** The event is the whole published state of what it names: there is no larger snapshot to carry. */
    @Override
    default Record snapshot() {
        return (Record) this;
    }
}
