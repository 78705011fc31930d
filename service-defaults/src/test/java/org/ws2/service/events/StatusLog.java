package org.ws2.service.events;

import java.util.function.BiConsumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.recommendation.RecommendationEvent;

/**
 * A consumer of recommendation events, as a service writes one: it writes each event it applies, with the
 * transaction it is applied in, to {@code test_applied}; a test can make it fail or wait first.
 */
@Component
public class StatusLog {

    static final String NAME = "test.batches";
    /** The id of its listener (and the prefix of its consumer threads' names). */
    public static final String LISTENER = NAME + ".recommendation";

    private final JdbcClient jdbc;
    volatile BiConsumer<RecommendationEvent, CloudEvent> before = (event, envelope) -> { };

    StatusLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS test_applied (seq BIGSERIAL PRIMARY KEY, event_id TEXT NOT NULL,
                    aggregate_id TEXT NOT NULL, version BIGINT NOT NULL, tx BIGINT NOT NULL)""").update();
    }

    @AppliesEvents(NAME)
    void apply(RecommendationEvent event, CloudEvent envelope) {
        before.accept(event, envelope);
        jdbc.sql("""
                INSERT INTO test_applied (event_id, aggregate_id, version, tx)
                VALUES (:id, :aggregate, :version, txid_current())""")
                .param("id", envelope.id()).param("aggregate", event.aggregateId())
                .param("version", event.aggregateVersion()).update();
    }
}
