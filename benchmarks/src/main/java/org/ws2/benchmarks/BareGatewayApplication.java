package org.ws2.benchmarks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The bare Spring Cloud Gateway the gateway is measured against (issue 23, ADR 0033): auto-configuration and
 * nothing else, no bean of its own, its one route given on the command line by {@link BareGateway}. The
 * gateway's features (JWT, rate limits, breaker, retries, metrics, tracing) are what is absent here, so the
 * ratio of the two is what they cost.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BareGatewayApplication {

    /** The line {@link BareGateway} waits for on standard output, followed by the port. */
    static final String LISTENING = "ws2-bare-gateway-listening-on-port ";

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(BareGatewayApplication.class, args);
        // run returns once the server listens; with server.port=0 only the context knows where
        System.out.println(LISTENING + context.getEnvironment().getProperty("local.server.port"));
        System.out.flush();
    }
}
