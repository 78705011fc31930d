package org.ws2.service;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that counts the statements and commits the threads of one Kafka listener send through
 * it (its consumer threads are named after the listener's id), so that a test can say what applying an
 * event costs the database.
 */
public final class CountingDataSource extends DelegatingDataSource {

    private final String listenerId;
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();

    public CountingDataSource(DataSource target, String listenerId) {
        super(target);
        this.listenerId = listenerId;
    }

    public long statements() {
        return statements.get();
    }

    public long commits() {
        return commits.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counting(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counting(super.getConnection(username, password));
    }

    private Connection counting(Connection target) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                (proxy, method, args) -> {
                    switch (Thread.currentThread().getName().startsWith(listenerId) ? method.getName() : "") {
                        case "prepareStatement", "prepareCall", "createStatement" -> statements.incrementAndGet();
                        case "commit" -> commits.incrementAndGet();
                        default -> {
                        }
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
