package org.ws2.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.ws2.testsupport.TestPostgres;

/** Processed event ids on a real PostgreSQL: a redelivery is caught, and old ids are forgotten. */
class ProcessedEventsIT {

    private static DataSource dataSource;

    @BeforeAll
    static void database() {
        TestPostgres.Database database = TestPostgres.freshDatabase("test_processed_events");
        dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/ws2-defaults").load().migrate();
    }

    private final ProcessedEvents processed = new ProcessedEvents(JdbcClient.create(dataSource));
    private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

    @Test
    void anEventIsFirstDeliveredOncePerConsumer() {
        assertThat(firstDelivery("reports", "event-1")).isTrue();
        assertThat(firstDelivery("reports", "event-1")).isFalse();
        assertThat(firstDelivery("inbox", "event-1")).isTrue();
    }

    @Test
    void idsProcessedBeforeTheCutOffAreForgotten() {
        assertThat(firstDelivery("reports", "event-2")).isTrue();

        assertThat(processed.forgetProcessedBefore(Instant.now().minusSeconds(3600))).isZero();
        assertThat(firstDelivery("reports", "event-2")).isFalse();

        assertThat(processed.forgetProcessedBefore(Instant.now().plusSeconds(1))).isPositive();
        assertThat(firstDelivery("reports", "event-2")).isTrue();
    }

    private boolean firstDelivery(String consumer, String eventId) {
        return Boolean.TRUE.equals(transaction.execute(status -> processed.firstDelivery(consumer, eventId)));
    }
}
