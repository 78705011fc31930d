package org.ws2.service.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.TransactionSystemException;

/**
 * PostgreSQL stops while a write is inside its transaction: the statement fails with an I/O error,
 * the rollback then fails on the closed connection, and Spring throws "JDBC rollback failed".
 * Nothing was committed, so the answer is a 503 with Retry-After, not a 500.
 */
class ProblemResponsesTest {

    private final ProblemResponses responses = new ProblemResponses();
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/recommendations/1.1/transitions");

    @Test
    void aRollbackThatFailedBecauseTheDatabaseWentAwayIsA503WithRetryAfter() {
        // Hikari's closed connection: no SQLSTATE
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException("PreparedStatementCallback",
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE,
                        new SocketException("Broken pipe"))));

        ResponseEntity<ProblemDetail> answer = responses.transactionFailed(rollbackFailed, request);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(answer.getBody().getType().toString()).isEqualTo("urn:ws2:problem:service-unavailable");
    }

    @Test
    void soIsOneWhoseStatementAlsoMetTheClosedConnection() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new UncategorizedSQLException("PreparedStatementCallback", "SELECT 1",
                new SQLException("Connection is closed")));

        assertThat(responses.transactionFailed(rollbackFailed, request).getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void aFailedCommitOrAnyOtherTransactionFailureStaysA500() {
        // a commit whose answer was lost may have been applied: not "nothing was changed"
        TransactionSystemException commitFailed = new TransactionSystemException("JDBC commit failed",
                new SQLException("Connection is closed", "08003"));
        assertThat(responses.transactionFailed(commitFailed, request).getStatusCode().value()).isEqualTo(500);

        TransactionSystemException other = new TransactionSystemException("JDBC rollback failed",
                new IllegalStateException("no JDBC failure"));
        other.initApplicationException(new IllegalStateException("a bug"));
        assertThat(responses.transactionFailed(other, request).getStatusCode().value()).isEqualTo(500);
    }
}
