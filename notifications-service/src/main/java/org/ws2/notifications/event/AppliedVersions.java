package org.ws2.notifications.event;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The newest version of each aggregate this service has applied an event for. */
@Repository
class AppliedVersions {

    private final JdbcClient jdbc;

    AppliedVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records {@code version} as the newest; false, changing nothing, if it is not newer than that. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean advance(String aggregateId, long version) {
        return jdbc.sql("""
                INSERT INTO applied_version (aggregate_id, version) VALUES (:id, :version)
                ON CONFLICT (aggregate_id) DO UPDATE SET version = EXCLUDED.version
                WHERE applied_version.version < EXCLUDED.version""")
                .param("id", aggregateId)
                .param("version", version)
                .update() == 1;
    }
}
