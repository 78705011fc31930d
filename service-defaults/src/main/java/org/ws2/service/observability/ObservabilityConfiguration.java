package org.ws2.service.observability;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;

/** Metrics operators need that Boot does not give by itself (docs/metrics.md). */
@AutoConfiguration(afterName = "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration")
public class ObservabilityConfiguration {

    @Bean
    @ConditionalOnBean(HealthEndpoint.class)
    ReadinessMetrics ws2ReadinessMetrics(HealthEndpoint health) {
        return new ReadinessMetrics(health);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.kafka.core.MicrometerConsumerListener",
            "io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics"})
    static class KafkaClientMetricsConfiguration {

        @Bean
        static KafkaClientMetricsRefresh ws2KafkaClientMetricsRefresh(ObjectProvider<MeterRegistry> registry,
                Environment environment) {
            Duration refresh = Binder.get(environment).bind("ws2.kafka.client-metrics-refresh", Duration.class)
                    .orElse(Duration.ofMinutes(1));
            return new KafkaClientMetricsRefresh(registry, refresh);
        }
    }
}
