package org.ws2.gateway.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code ws2.readiness} for the gateway, the same gauge every service has from ws2-service-defaults
 * (which the reactive gateway does not use): 1 while the readiness probe is UP, else 0.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessMetricsConfiguration {

    @Bean
    MeterBinder ws2ReadinessMetrics(HealthEndpoint health) {
        return registry -> Gauge.builder("ws2.readiness", health, ReadinessMetricsConfiguration::ready)
                .description("1 while /actuator/health/readiness is UP, else 0")
                .register(registry);
    }

    private static double ready(HealthEndpoint health) {
        try {
            HealthDescriptor readiness = health.healthForPath("readiness");
            return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
