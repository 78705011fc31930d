package org.ws2.service.observability;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;

/** Metrics operators need that Boot does not give by itself (docs/metrics.md). */
@AutoConfiguration(afterName = "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration")
public class ObservabilityConfiguration {

    @Bean
    @ConditionalOnBean(HealthEndpoint.class)
    ReadinessMetrics ws2ReadinessMetrics(HealthEndpoint health) {
        return new ReadinessMetrics(health);
    }
}
