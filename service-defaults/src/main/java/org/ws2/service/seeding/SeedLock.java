package org.ws2.service.seeding;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets one instance of a service at a time add its reference data.
 * <p>
 * Replicas that start together on a fresh database insert the same rows at the same moment, so the
 * second waits on the first's row locks. Every service connection runs with {@code lock_timeout=2000}
 * (a request must not queue behind a lock), and on a busy machine the first seed takes longer than
 * that: the second instance failed its start with SQL state 55P03. Taken first in the seeding
 * transaction, this transaction-scoped advisory lock makes the second wait for the first's commit,
 * with timeouts meant for a start rather than a request, and then find nothing left to add.
 */
public final class SeedLock {

    /** As long as an instance may take to start; past it the start fails rather than waits forever. */
    static final String WAIT = "300s";

    private SeedLock() {
    }

    /** Waits until no other instance seeds {@code seed}, and holds the lock until this transaction ends. */
    public static void holdUntilCommit(JdbcClient jdbc, String seed) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a seed lock is only released by its transaction's end; seed '" + seed
                    + "' runs outside a transaction");
        }
        // set_config(..., true) is SET LOCAL: the request timeouts apply again after this transaction
        jdbc.sql("SELECT set_config('lock_timeout', :wait, true), set_config('statement_timeout', :wait, true)")
                .param("wait", WAIT).query().listOfRows();
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:seed, 0))")
                .param("seed", "ws2.seed." + seed).query(Integer.class).single();
    }
}
