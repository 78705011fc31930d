package org.ws2.service.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code ws2.readiness}: 1 while the readiness probe answers UP, 0 otherwise. Prometheus sees a
 * probe only through a metric; with this one an alert can tell a replica that keeps dropping out
 * of its load balancer (flapping) from one that is simply down (docs/metrics.md).
 */
public final class ReadinessMetrics implements MeterBinder {

    public static final String READINESS = "ws2.readiness";

    private final HealthEndpoint health;

    public ReadinessMetrics(HealthEndpoint health) {
        this.health = health;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(READINESS, this, ReadinessMetrics::ready)
                .description("1 while /actuator/health/readiness is UP, else 0")
                .register(registry);
    }

    double ready() {
        try {
            HealthDescriptor readiness = health.healthForPath("readiness");
            return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
