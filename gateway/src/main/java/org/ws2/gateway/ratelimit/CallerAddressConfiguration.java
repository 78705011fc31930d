package org.ws2.gateway.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who sent a request, told to where it is routed (CallerAddressForwarding). On even with the rate limit off
 * (benchmarks): the reporting service counts event-stream subscribers by this address too. One TrustedProxies
 * for both this and the rate limit, so they always name the same caller.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class CallerAddressConfiguration {

    @Bean
    TrustedProxies trustedProxies(RateLimitProperties properties) {
        return new TrustedProxies(properties.trustedProxies());
    }

    @Bean
    CallerAddressForwarding callerAddressForwarding(TrustedProxies trustedProxies) {
        return new CallerAddressForwarding(trustedProxies);
    }
}
