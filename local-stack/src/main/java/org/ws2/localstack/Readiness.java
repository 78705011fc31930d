package org.ws2.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** How the launcher tells that a component is ready: infrastructure accepts connections, a service's readiness answers 200. */
final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private Readiness() {
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String readinessUrl(Settings settings, ServiceInstance instance) {
        return "http://127.0.0.1:" + settings.port(actuatorBasePort(instance)) + "/actuator/health/readiness";
    }

    /** The gateway's actuator has a port of its own (ServiceEnvironment); a service's shares its API port. */
    static int actuatorBasePort(ServiceInstance instance) {
        return instance.service().name().equals(Components.GATEWAY) ? Ports.GATEWAY_MANAGEMENT : instance.basePort();
    }

    static boolean answers200(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean serviceReady(Settings settings, ServiceInstance instance) {
        return answers200(readinessUrl(settings, instance));
    }
}
