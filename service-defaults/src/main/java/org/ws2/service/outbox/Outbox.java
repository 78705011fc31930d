package org.ws2.service.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.EventCodec;

/**
 * Where a service writes the events of a change. It must be called inside the transaction that
 * makes the change: the event is then stored if and only if the change is, and the
 * {@link OutboxRelay} publishes it to Kafka afterwards, whether or not the broker is up right now.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final EventCodec codec;

    public Outbox(JdbcClient jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    /** Queues {@code event} for {@code topic}, keyed by its subject (the aggregate id). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, CloudEvent event) {
        jdbc.sql("""
                INSERT INTO ws2_outbox (event_id, topic, message_key, payload)
                VALUES (:eventId, :topic, :key, :payload)""")
                .param("eventId", event.id())
                .param("topic", topic)
                .param("key", event.subject())
                .param("payload", codec.write(event))
                .update();
    }
}
