package org.ws2.gateway.ratelimit;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who sent a request, told to where it is routed (CallerAddressForwarding). On even with the rate limit off
 * (benchmarks): the reporting service counts event-stream subscribers by this address too.
 */
@Configuration(proxyBeanMethods = false)
class CallerAddressConfiguration {

    @Bean
    CallerAddressForwarding callerAddressForwarding(
            @Value("${ws2.rate-limit.trusted-proxies:127.0.0.1,0:0:0:0:0:0:0:1}") List<String> trustedProxies) {
        return new CallerAddressForwarding(new TrustedProxies(trustedProxies));
    }
}
