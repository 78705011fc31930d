package org.ws2.reporting.picture;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The counter that tells a cached {@link Picture} whether the read model has changed since it was read. */
@Repository
@RequiredArgsConstructor
public class ReadModelGeneration {

    private final JdbcClient jdbc;

    /**
     * The version tables advance it themselves (a trigger, migration V4); a rebuild calls this when it swaps
     * in fresh tables, and gives them the trigger first.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void advance() {
        jdbc.sql("UPDATE read_model_generation SET generation = generation + 1").update();
    }

    /** The trigger of migration V4 on a table a rebuild is about to swap in ({@code CREATE TABLE LIKE} has none). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void watch(String table) {
        jdbc.sql("CREATE TRIGGER read_model_generation AFTER INSERT OR UPDATE OR DELETE ON " + table
                + " FOR EACH STATEMENT EXECUTE FUNCTION advance_read_model_generation()").update();
    }

    long current() {
        return jdbc.sql("SELECT generation FROM read_model_generation").query(Long.class).single();
    }
}
