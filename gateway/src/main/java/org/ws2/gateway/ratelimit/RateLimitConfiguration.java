package org.ws2.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ws2.gateway.problem.ProblemWriter;

/** The per-caller limits, counted in Redis when one is configured, else in this process. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ws2.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    CallerBuckets callerBuckets(RateLimitProperties properties) {
        return properties.redisUrl().isEmpty() ? new InProcessBuckets()
                : new RedisBuckets(properties.redisUrl(), properties.redisTimeout());
    }

    @Bean
    CallerRateLimit callerRateLimit(CallerBuckets buckets, RateLimitProperties properties,
            TrustedProxies trustedProxies, ProblemWriter problems, MeterRegistry meters) {
        return new CallerRateLimit(buckets, properties, trustedProxies, problems, meters);
    }
}
