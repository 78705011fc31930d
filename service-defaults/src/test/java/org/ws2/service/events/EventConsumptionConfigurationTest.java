package org.ws2.service.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.service.events.EventConsumptionConfiguration.isInfrastructureOutage;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.ws2.contracts.UnreadableEventException;

/** Which failures a consumer waits out (the database is away) and which it parks after a few tries. */
class EventConsumptionConfigurationTest {

    @Test
    void noConnectionForTheTransactionIsAnOutageHoweverItIsWrapped() {
        var noConnection = new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
        assertThat(isInfrastructureOutage(reported(noConnection))).isTrue();
    }

    @Test
    void aRollbackThatFailedBecauseTheConnectionWasCutIsAnOutage() {
        // What TransactionTemplate throws when the statement failed on a cut connection and so did the rollback.
        var rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("This connection has been closed.", "08003"));
        rollback.initApplicationException(new DataAccessResourceFailureException("An I/O error occurred"));
        assertThat(isInfrastructureOutage(reported(rollback))).isTrue();
    }

    @Test
    void aFailureOfTheRecordItselfIsNot() {
        assertThat(isInfrastructureOutage(reported(new UnreadableEventException("not an event", null)))).isFalse();
        var rollback = new TransactionSystemException("JDBC rollback failed");
        rollback.initApplicationException(new IllegalStateException("a bug in the consumer"));
        assertThat(isInfrastructureOutage(reported(rollback))).isFalse();
    }

    /** As the error handler gets it from a subscription: the container's wrapper, then the failed record's. */
    private static Exception reported(RuntimeException failure) {
        return new ListenerExecutionFailedException("Listener failed",
                new BatchListenerFailedException("test.batches could not apply ws2.recommendations.v1-0@7", failure, 7));
    }
}
