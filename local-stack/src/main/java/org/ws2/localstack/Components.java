package org.ws2.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What the local stack runs: PostgreSQL, Kafka and the SMTP catcher, then the six service jars (the
 * four services, the web pages and the gateway), each under a name that its pid file and log carry.
 */
public final class Components {

    public static final String POSTGRES = "postgres";
    public static final String KAFKA = "kafka";
    public static final String SMTP = "smtp";
    public static final String GATEWAY = "gateway";
    public static final String WEB = "web";

    /** What the services need, in start order; each a JVM of the launcher's unless configured as external. */
    static final List<String> INFRASTRUCTURE = List.of(POSTGRES, KAFKA, SMTP);

    /** In start order: the back-end services, the pages, then the gateway. */
    public static final List<Service> SERVICES = List.of(
            new Service("recommendations-service", 8081, "ws2_recommendations", "WS2_RECOMMENDATIONS_URI"),
            new Service("groups-service", 8082, "ws2_groups", "WS2_GROUPS_URI"),
            new Service("reporting-service", 8083, "ws2_reporting", "WS2_REPORTING_URI"),
            new Service("notifications-service", 8084, "ws2_notifications", "WS2_NOTIFICATIONS_URI"),
            // the pages: a client of the gateway, which routes browsers to it
            new Service(WEB, 8085, null, "WS2_WEB_URI"),
            new Service(GATEWAY, 8080, null, null));

    static final int MAX_REPLICAS = 9;

    private Components() {
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>(INFRASTRUCTURE);
        SERVICES.forEach(s -> names.add(s.name()));
        return names;
    }

    public static List<String> serviceNames() {
        return SERVICES.stream().map(Service::name).toList();
    }

    public static Service service(String name) {
        return findService(name).orElseThrow(() -> new LocalStackException("Unknown service '" + name + "'; one of "
                + serviceNames()));
    }

    static Optional<Service> findService(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The instance a name such as {@code groups-service-2} stands for, whether or not it runs. */
    static Optional<ServiceInstance> findInstance(String name) {
        return SERVICES.stream().flatMap(s -> allInstances(s).stream()).filter(i -> i.name().equals(name)).findFirst();
    }

    /** Every instance a service may have run as, so that stop finds replicas started with a larger count. */
    static List<ServiceInstance> allInstances(Service s) {
        return IntStream.rangeClosed(1, MAX_REPLICAS).mapToObj(n -> new ServiceInstance(s, n)).toList();
    }

    static List<String> allInstanceNames(Service s) {
        return allInstances(s).stream().map(ServiceInstance::name).toList();
    }
}
