package org.ws2.service;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.ws2.testsupport.TestPostgres;

/**
 * A fresh PostgreSQL database with this module's own tables (outbox, processed events, ...), for
 * tests of those tables without a Spring context.
 */
public record DefaultsTestDatabase(DataSource dataSource) {

    /** A new database named after {@code prefix}, migrated with {@code db/ws2-defaults}. */
    public static DefaultsTestDatabase migrated(String prefix) {
        TestPostgres.Database database = TestPostgres.freshDatabase(prefix);
        DataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/ws2-defaults").load().migrate();
        return new DefaultsTestDatabase(dataSource);
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }
}
