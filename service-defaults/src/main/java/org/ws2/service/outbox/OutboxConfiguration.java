package org.ws2.service.outbox;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;
import org.ws2.service.events.EventConsumptionConfiguration;
import org.ws2.contracts.EventCodec;
import org.ws2.service.changes.ChangeLog;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.micrometer.core.instrument.MeterRegistry;

/** The outbox every producing service writes to, and the relay that empties it into Kafka. */
@AutoConfiguration(after = EventConsumptionConfiguration.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboxConfiguration.class);

    @Bean
    Outbox outbox(JdbcClient jdbc, EventCodec codec) {
        return new Outbox(jdbc, codec);
    }

    /** The one change path: history and event of every change, in the change's transaction. */
    @Bean
    ChangeLog changeLog(JdbcClient jdbc, Outbox outbox, EventCodec codec, JsonMapper jsonMapper) {
        // History written by an older version may hold fields a newer snapshot no longer has.
        return new ChangeLog(jdbc, outbox, codec,
                jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> kafka,
            OutboxProperties properties, MeterRegistry meters) {
        return new OutboxRelay(jdbc, transaction, kafka, properties, meters);
    }

    /**
     * Runs the relay on its own thread, so that a broker outage, which makes each try wait for
     * Kafka's timeouts, never holds up request handling or any other scheduled work.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "ws2.outbox.relay-enabled", matchIfMissing = true)
    SimpleAsyncTaskScheduler outboxRelayScheduler(OutboxRelay relay, OutboxProperties properties) {
        SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();
        scheduler.setThreadNamePrefix("outbox-relay-");
        scheduler.scheduleWithFixedDelay(() -> runSafely(relay::relayBatch), properties.pollInterval());
        scheduler.scheduleWithFixedDelay(() -> runSafely(relay::purgePublished), Duration.ofHours(1));
        return scheduler;
    }

    private static void runSafely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // The database may be away for a while; the next tick tries again.
            log.warn("Outbox relay pass failed: {}", e.toString());
        }
    }
}
