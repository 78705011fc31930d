package org.ws2.localstack;

/**
 * A service jar: {@code <name>/target/<name>.jar}, its base port, its own database (none for the gateway
 * and the web pages) and the variable that hands its address to the gateway (none for the gateway).
 */
public record Service(String name, int basePort, String database, String uriVariable) {
}
