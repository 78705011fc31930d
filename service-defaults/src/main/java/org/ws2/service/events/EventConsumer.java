package org.ws2.service.events;

import java.util.Optional;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.EventCodec;
import org.ws2.contracts.Ws2Event;

/**
 * How every listener applies an event: read and decode it, skip it if this consumer has applied that
 * event id or a version of the aggregate at least as new, else apply it and remember both, in the
 * listener's transaction. The database commits before Kafka's offset, so a crash in between
 * redelivers an event that is then skipped: each event is applied once.
 */
public class EventConsumer {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final EventCodec codec;
    private final ProcessedEvents processedEvents;
    private final JdbcClient jdbc;

    public EventConsumer(EventCodec codec, ProcessedEvents processedEvents, JdbcClient jdbc) {
        this.codec = codec;
        this.processedEvents = processedEvents;
        this.jdbc = jdbc;
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
        if (!processedEvents.firstDelivery(consumer, envelope.id())) {
            log.debug("Event {} was already applied by {}", envelope.id(), consumer);
            return false;
        }
        if (!advance(consumer, event.aggregateId(), event.aggregateVersion())) {
            log.info("Ignoring event {} for {}: version {} is not newer than the one {} has applied", envelope.id(),
                    event.aggregateId(), event.aggregateVersion(), consumer);
            return false;
        }
        handler.accept(event, envelope);
        // One line per event applied, as ChangeLog writes one per change: with the MDC above and the
        // trace id it says which change (grep the trace id across the logs) this consumer applied.
        log.info("{} applied event {} ({} version {})", consumer, envelope.id(), event.aggregateId(),
                event.aggregateVersion());
        return true;
    }

    /** One statement, so that two deliveries racing on different replicas cannot both win. */
    private boolean advance(String consumer, String aggregateId, long version) {
        return jdbc.sql("""
                INSERT INTO ws2_consumed_version (consumer, aggregate_id, version)
                VALUES (:consumer, :aggregateId, :version)
                ON CONFLICT (consumer, aggregate_id) DO UPDATE SET version = EXCLUDED.version
                WHERE ws2_consumed_version.version < EXCLUDED.version""")
                .param("consumer", consumer)
                .param("aggregateId", aggregateId)
                .param("version", version)
                .update() == 1;
    }
}
