package org.ws2.notifications.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The newest version of each recommendation this service has seen an event for. */
@Repository
class RecommendationVersions {

    private final JdbcClient jdbc;

    RecommendationVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records {@code version} as the newest seen; false, changing nothing, if it is not newer than that. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean advance(String recommendationId, long version) {
        return jdbc.sql("""
                INSERT INTO recommendation_version (recommendation_id, version) VALUES (:id, :version)
                ON CONFLICT (recommendation_id) DO UPDATE SET version = EXCLUDED.version
                WHERE recommendation_version.version < EXCLUDED.version""")
                .param("id", recommendationId)
                .param("version", version)
                .update() == 1;
    }
}
