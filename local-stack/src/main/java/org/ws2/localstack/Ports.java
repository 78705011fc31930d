package org.ws2.localstack;

/**
 * The base ports of the local stack's infrastructure; {@code WS2_PORT_OFFSET} is added to every one of
 * them (and to the services' ports) so that a second stack can run beside the first.
 */
final class Ports {

    static final int POSTGRES = 15432;
    static final int KAFKA = 19092;
    static final int KAFKA_CONTROLLER = 19093;
    /** The SMTP catcher: SMTP for the services, and a web page and REST API to read what it caught. */
    static final int SMTP = 13025;
    static final int SMTP_API = 18025;
    /**
     * The gateway's actuator (health, metrics): a port of its own on loopback (the gateway's
     * {@code management.server.port}), so that its API port, the one people reach, has none.
     */
    static final int GATEWAY_MANAGEMENT = 18080;
    /** Replica {@code n} (n >= 2) of a service listens {@code 10 * (n - 1)} above the service's port (8092 for groups-service's second). */
    static final int REPLICA_STEP = 10;

    private Ports() {
    }
}
