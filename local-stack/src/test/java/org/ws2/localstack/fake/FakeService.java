package org.ws2.localstack.fake;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * Stands in for a service jar in the launcher's tests: answers readiness on SERVER_PORT (or MANAGEMENT_SERVER_PORT) and prints
 * the contract's variables it was given. Like Spring Boot it listens on SERVER_ADDRESS, or on every
 * interface when that is unset. Only JDK classes, so it runs from a one-class jar.
 */
public final class FakeService {

    public static void main(String[] args) throws Exception {
        new TreeMap<>(System.getenv()).forEach((k, v) -> {
            if (k.startsWith("SPRING_") || k.startsWith("WS2_") || k.startsWith("SERVER_") || k.startsWith("MANAGEMENT_")) {
                System.out.println("env " + k + "=" + v);
            }
        });
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        String address = System.getenv("SERVER_ADDRESS");
        HttpServer server = HttpServer.create(address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port), 0);
        // Like Spring Boot, the actuator moves to MANAGEMENT_SERVER_PORT when there is one (the gateway's), on
        // MANAGEMENT_SERVER_ADDRESS or, as the gateway's default, on loopback.
        String managementPort = System.getenv("MANAGEMENT_SERVER_PORT");
        HttpServer actuator = server;
        if (managementPort != null) {
            String managementAddress = System.getenv().getOrDefault("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
            actuator = HttpServer.create(new InetSocketAddress(managementAddress, Integer.parseInt(managementPort)), 0);
        }
        actuator.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        if (actuator != server) {
            actuator.start();
        }
        System.out.println("fake service ready");
    }
}
