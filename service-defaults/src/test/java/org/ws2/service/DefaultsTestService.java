package org.ws2.service;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.ws2.contracts.Topics;
import org.ws2.service.events.StatusLog;

/**
 * The service {@link DefaultsServiceTest} starts: this module's auto-configuration, one consumer of
 * recommendation events ({@link StatusLog}) and a data source that counts what the consumer asks of it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(StatusLog.class)
public class DefaultsTestService {

    public static final String NAME = "defaults-test";
    /** What the outbox tests append to. */
    public static final String TRACED_TOPIC = "ws2.outbox-trace-test.v1";
    /** What {@link StatusLog} reads. */
    public static final String CONSUMED_TOPIC = Topics.RECOMMENDATIONS;
    public static final String DEAD_LETTERS = Topics.RECOMMENDATIONS + ".DLT";

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)
                        ? new CountingDataSource(dataSource, StatusLog.LISTENER) : bean;
            }
        };
    }
}
