package org.ws2.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ws2.gateway.problem.ProblemWriter;

/**
 * The per-caller limits, counted in Redis when one is configured, else in this process. Switched off by
 * {@code ws2.rate-limit.enabled} when the filter runs rather than by a condition on the bean: an AOT-processed
 * context (ADR 0042) fixed its beans at build time.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    CallerBuckets callerBuckets(RateLimitProperties properties) {
        return !properties.enabled() || properties.redisUrl().isEmpty() ? new InProcessBuckets()
                : new RedisBuckets(properties.redisUrl(), properties.redisTimeout());
    }

    @Bean
    CallerRateLimit callerRateLimit(CallerBuckets buckets, RateLimitProperties properties,
            TrustedProxies trustedProxies, ProblemWriter problems, MeterRegistry meters) {
        return new CallerRateLimit(buckets, properties, trustedProxies, problems, meters);
    }
}
