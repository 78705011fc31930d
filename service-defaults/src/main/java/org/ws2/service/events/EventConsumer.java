package org.ws2.service.events;

import java.util.Optional;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.EventCodec;
import org.ws2.contracts.Ws2Event;

/**
 * How every listener applies an event: read and decode it, skip it if this consumer has applied that
 * event id or a version of the aggregate at least as new, else apply it and remember both, in the
 * listener's transaction (one per poll, {@link EventSubscriptions}). The database commits before Kafka's
 * offset, so a crash in between redelivers an event that is then skipped: each event is applied once.
 */
public class EventConsumer {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final EventCodec codec;
    private final ProcessedEvents processedEvents;

    public EventConsumer(EventCodec codec, ProcessedEvents processedEvents) {
        this.codec = codec;
        this.processedEvents = processedEvents;
    }

    /**
     * Applies the record {@code value} with {@code handler} if it is new to {@code consumer}.
     *
     * @return true if the handler ran
     * @throws org.ws2.contracts.UnreadableEventException if the record is not a readable event of the family,
     *                                                    which parks it on the dead-letter topic
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <F extends Ws2Event> boolean consume(String consumer, String value, Class<F> family,
            BiConsumer<F, CloudEvent> handler) {
        CloudEvent envelope = codec.read(value);
        // Every log line of the work this event causes names it (ECS logs carry the MDC).
        try (MDC.MDCCloseable id = MDC.putCloseable("event.id", envelope.id());
                MDC.MDCCloseable type = MDC.putCloseable("event.type", envelope.type());
                MDC.MDCCloseable subject = MDC.putCloseable("event.subject", envelope.subject())) {
            return apply(consumer, envelope, family, handler);
        }
    }

    private <F extends Ws2Event> boolean apply(String consumer, CloudEvent envelope, Class<F> family,
            BiConsumer<F, CloudEvent> handler) {
        Optional<F> decoded = codec.decode(envelope, family);
        if (decoded.isEmpty()) {
            // Not recorded as processed: a later version of this service that knows the type still
            // applies it when the topic is replayed.
            log.info("Skipping event {} of type {}, which this version does not know", envelope.id(),
                    envelope.type());
            return false;
        }
        F event = decoded.get();
        switch (processedEvents.record(consumer, envelope.id(), event.aggregateId(), event.aggregateVersion())) {
            case REPEATED -> {
                log.debug("Event {} was already applied by {}", envelope.id(), consumer);
                return false;
            }
            case STALE -> {
                log.info("Ignoring event {} for {}: version {} is not newer than the one {} has applied",
                        envelope.id(), event.aggregateId(), event.aggregateVersion(), consumer);
                return false;
            }
            case NEW -> handler.accept(event, envelope);
        }
        // One line per event applied, as ChangeLog writes one per change: with the MDC above and the
        // trace id it says which change (grep the trace id across the logs) this consumer applied.
        log.info("{} applied event {} ({} version {})", consumer, envelope.id(), event.aggregateId(),
                event.aggregateVersion());
        return true;
    }
}
