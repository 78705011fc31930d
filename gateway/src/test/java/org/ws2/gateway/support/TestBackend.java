package org.ws2.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real HTTP server standing in for one WS2 service: it answers every request with JSON naming
 * itself and echoing what it received, and remembers the last request so a test can see exactly what
 * the gateway forwarded. {@code ?delayMs=} makes it a slow-but-healthy service; {@code ?answerStatus=503}
 * makes it answer with that status as a problem.
 */
public final class TestBackend implements AutoCloseable {

    /** What the backend saw of one request. */
    public record Received(String method, String path, String query, String authorization, String traceparent,
            String host, String body) {
    }

    private final String name;
    private final int port;
    private final AtomicReference<Received> last = new AtomicReference<>();
    private final AtomicInteger routed = new AtomicInteger();
    private final AtomicInteger readinessChecks = new AtomicInteger();
    private HttpServer server;
    private ExecutorService executor;

    private TestBackend(String name, int port) {
        this.name = name;
        this.port = port;
    }

    /** Starts on a free port. */
    public static TestBackend start(String name) {
        TestBackend backend = new TestBackend(name, freePort());
        backend.start();
        return backend;
    }

    /** Reserves a free port without listening on it, for a service that is down until {@link #start()}. */
    public static TestBackend notStarted(String name) {
        return new TestBackend(name, freePort());
    }

    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot listen on " + port, ex);
        }
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String uri() {
        return "http://127.0.0.1:" + port;
    }

    /** Points every service's route at this backend. */
    public void routeEveryService(DynamicPropertyRegistry registry) {
        routeEveryServiceBut("WS2_REPORTING_URI", this::uri, registry);
    }

    /**
     * Points every service's route at this backend but the reporting service's, which goes to {@code reporting}:
     * a backend of the test's own, that may be down or come and go.
     */
    public void routeEveryServiceButReporting(TestBackend reporting, DynamicPropertyRegistry registry) {
        routeEveryServiceBut("WS2_REPORTING_URI", reporting::uri, registry);
    }

    /** Points every service's route at this backend but one, named by its variable, which goes to {@code uris}. */
    public void routeEveryServiceBut(String variable, Supplier<Object> uris,
            DynamicPropertyRegistry registry) {
        for (String service : List.of("WS2_RECOMMENDATIONS_URI", "WS2_GROUPS_URI", "WS2_REPORTING_URI",
                "WS2_NOTIFICATIONS_URI")) {
            registry.add(service, service.equals(variable) ? uris : this::uri);
        }
    }

    public Received lastRequest() {
        return last.get();
    }

    public void forgetRequests() {
        last.set(null);
        routed.set(0);
    }

    /** Requests routed here (health checks aside) since the start or {@link #forgetRequests()}. */
    public int requestsRouted() {
        return routed.get();
    }

    /** Readiness checks of the gateway's load balancer since the start. */
    public int readinessChecks() {
        return readinessChecks.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            URI uri = exchange.getRequestURI();
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Received received = new Received(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("traceparent"), exchange.getRequestHeaders().getFirst("Host"),
                    body);
            // the gateway's load balancer checks readiness every second; tests look at what was routed
            if (received.path().startsWith("/actuator/health")) {
                readinessChecks.incrementAndGet();
            } else {
                last.set(received);
                routed.incrementAndGet();
            }
            long delay = delayMs(uri.getRawQuery());
            if (delay > 0) {
                try {
                    TimeUnit.MILLISECONDS.sleep(delay); // the backend is slow on purpose; no test waits on it
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = statusAsked(uri.getRawQuery());
            if (status >= 400) {
                // a service's own problem answer, e.g. its database being away (503 with Retry-After)
                byte[] problem = ("{\"type\":\"urn:ws2:problem:service-unavailable\",\"status\":" + status
                        + ",\"detail\":\"from " + name + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.getResponseHeaders().set("Retry-After", "5");
                exchange.sendResponseHeaders(status, problem.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(problem);
                }
                return;
            }
            byte[] response = ("{\"service\":\"" + name + "\",\"method\":\"" + received.method() + "\",\"path\":\""
                    + received.path() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Backend", name);
            if ("HEAD".equals(received.method())) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        }
    }

    /** {@code ?answerStatus=503} makes the backend answer that status as a problem with Retry-After. */
    private static int statusAsked(String query) {
        return (int) number(query, "answerStatus");
    }

    private static long delayMs(String query) {
        return number(query, "delayMs");
    }

    /** The value of the query's {@code parameter}; 0 without it. */
    private static long number(String query, String parameter) {
        if (query == null) {
            return 0;
        }
        for (String part : query.split("&")) {
            if (part.startsWith(parameter + "=")) {
                return Long.parseLong(part.substring(parameter.length() + 1));
            }
        }
        return 0;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }
}
