package org.ws2.contracts.report;

import java.time.Instant;

import org.ws2.contracts.Ws2Event;
import org.ws2.contracts.recommendation.Programmes;
import org.ws2.contracts.report.ReportEvents.EditionPublished;

/**
 * The events on {@code ws2.reports.v1}, keyed by edition ({@code 2021-Q2} for WS2's, {@code ATRT3-2021-Q2}
 * for another programme's). Each is small and whole: it
 * names the edition and where to read it, never its content, so it stays bounded however long an edition is.
 */
public sealed interface ReportEvent extends Ws2Event permits EditionPublished {

    String quarter();

    /** The programme whose edition it is: WS2 (also when the event names none) or another review's code. */
    String programmeOrWs2();

    /** The edition's version after the change: a consumer that has seen a higher one ignores this one. */
    long version();

    /** When the change took effect. */
    Instant publishedAt();

    /**
     * The edition: its quarter for WS2's, as before programmes; {@code ATRT3-2021-Q2} for another programme's,
     * so that two programmes' editions of one quarter keep their own versions and order.
     */
    @Override
    default String subject() {
        return Programmes.id(programmeOrWs2(), quarter());
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
