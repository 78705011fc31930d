package org.ws2.service.outbox;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/** The outbox every producing service writes to, and the relay that empties it into Kafka. */
@AutoConfiguration(after = EventConsumptionConfiguration.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboxConfiguration.class);

    @Bean
    OutboxSignal outboxSignal() {
        return new OutboxSignal();
    }

    /** Boot's tracer and W3C propagator (OpenTelemetry bridge); without them no trace context is kept. */
    @Bean
    OutboxTracing outboxTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer available = tracer.getIfAvailable();
        Propagator propagation = propagator.getIfAvailable();
        return available == null || propagation == null ? OutboxTracing.NONE : new OutboxTracing(available, propagation);
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, EventCodec codec, OutboxProperties properties, OutboxSignal signal,
            OutboxTracing tracing) {
        return new Outbox(jdbc, codec, properties.maxEventSize(), signal, tracing);
    }

    /** The one change path: history and event of every change, in the change's transaction. */
    @Bean
    ChangeLog changeLog(JdbcClient jdbc, Outbox outbox, EventCodec codec, JsonMapper jsonMapper) {
        // History written by an older version may hold fields a newer snapshot no longer has.
        return new ChangeLog(jdbc, outbox, codec,
                jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
    }

    @Bean
    OutboxRows outboxRows(JdbcClient jdbc) {
        return new OutboxRows(jdbc);
    }

    @Bean
    OutboxMonitor outboxMonitor(OutboxRows rows, MeterRegistry meters) {
        return new OutboxMonitor(rows, meters);
    }

    @Bean
    OutboxRelay outboxRelay(OutboxRows rows, TransactionTemplate transaction, KafkaTemplate<String, String> kafka,
            OutboxProperties properties, OutboxMonitor monitor, OutboxTracing tracing) {
        return new OutboxRelay(rows, transaction, kafka, properties, monitor, tracing);
    }

    @Bean("outboxHealthIndicator")
    OutboxHealthIndicator outboxHealthIndicator(OutboxMonitor monitor, OutboxProperties properties) {
        return new OutboxHealthIndicator(monitor, properties);
    }

    /** The relay on its own thread, woken by every commit that appended events. */
    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnProperty(name = "ws2.outbox.relay-enabled", matchIfMissing = true)
    OutboxRelayLoop outboxRelayLoop(OutboxRelay relay, OutboxSignal signal, OutboxProperties properties) {
        return new OutboxRelayLoop(relay, signal, properties);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "ws2.outbox.relay-enabled", matchIfMissing = true)
    SimpleAsyncTaskScheduler outboxPurgeScheduler(OutboxRows rows, OutboxProperties properties) {
        SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();
        scheduler.setThreadNamePrefix("outbox-purge-");
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                rows.purgePublished(properties.retention());
            } catch (RuntimeException e) {
                log.warn("Outbox purge failed: {}", e.toString());
            }
        }, Duration.ofHours(1));
        return scheduler;
    }
}
