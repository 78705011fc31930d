package org.ws2.systemtests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visitors of the gateway, told apart as the gateway tells them apart behind the web module: by the
 * {@code X-Forwarded-For} header, which it believes from the trusted local proxy address 127.0.0.1 (the address
 * every request here comes from); nothing is ever sent to another address. Every stream opened through
 * {@link #keep} or {@link #follow} is remembered, and {@link #closeAll} closes them.
 */
public final class Visitors {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** Visitors are never reused, not even by the next test: each starts with a whole allowance and share. */
    private static final AtomicInteger VISITORS = new AtomicInteger();

    private final GatewayClient gateway;
    /** Every stream a test opened, closed after it. */
    private final List<InputStream> opened = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    public Visitors(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** A new visitor: a loopback address of its own, named in X-Forwarded-For by the trusted local proxy. */
    public static String visitor() {
        int n = VISITORS.incrementAndGet();
        return "127.22." + (n / 250) % 250 + "." + (n % 250 + 1);
    }

    /** The public stream as {@code visitor}, from {@code lastEventId} (null: live); whatever the answer. */
    public HttpResponse<InputStream> openStream(String visitor, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.url("/api/events/stream"))
                .header("Accept", "text/event-stream").header("X-Forwarded-For", visitor);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return GatewayClient.send(HTTP, request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** A page as {@code visitor}, asking for HTML as a browser does. */
    public HttpResponse<String> page(String visitor, String path) {
        HttpRequest request = HttpRequest.newBuilder(gateway.url(path)).timeout(Duration.ofSeconds(20))
                .header("Accept", "text/html").header("X-Forwarded-For", visitor).GET().build();
        return GatewayClient.send(HTTP, request, HttpResponse.BodyHandlers.ofString());
    }

    /** Keeps an open stream, unread, until {@link #closeAll}. */
    public void keep(InputStream stream) {
        synchronized (opened) {
            opened.add(stream);
        }
    }

    /** {@code visitor} following the stream from {@code lastEventId} (null: live); it must be served. */
    public StreamFollower follow(String visitor, String lastEventId) {
        HttpResponse<InputStream> stream = openStream(visitor, lastEventId);
        if (stream.statusCode() != 200) {
            assertProblem(stream, 200);
        }
        keep(stream.body());
        return new StreamFollower(visitor, stream.body());
    }

    /** These visitors following the stream live, all opening it at once. */
    public List<StreamFollower> followAtOnce(List<String> visitors) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(visitors.size());
        try {
            List<CompletableFuture<StreamFollower>> opening = visitors.stream()
                    .map(v -> CompletableFuture.supplyAsync(() -> follow(v, null), pool)).toList();
            List<StreamFollower> followers = new ArrayList<>();
            for (CompletableFuture<StreamFollower> follower : opening) {
                followers.add(follower.get(30, TimeUnit.SECONDS));
            }
            return followers;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The whole stream from its start as {@code visitor}, over a raw socket whose receive window of 1 KB nobody
     * empties: a reader that never reads. The socket is closed by {@link #closeAll}.
     */
    public void openStreamNeverReading(String visitor) throws IOException {
        Socket neverReads = new Socket();
        sockets.add(neverReads);
        neverReads.setReceiveBufferSize(1024);
        URI gatewayUrl = gateway.url("/");
        neverReads.connect(new InetSocketAddress("127.0.0.1", gatewayUrl.getPort()), 2000);
        OutputStream out = neverReads.getOutputStream();
        out.write(("GET /api/events/stream HTTP/1.1\r\nHost: 127.0.0.1:" + gatewayUrl.getPort()
                + "\r\nAccept: text/event-stream\r\nLast-Event-ID: 0\r\nX-Forwarded-For: " + visitor
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Closes every stream and socket opened so far. */
    public void closeAll() {
        opened.forEach(Visitors::closeQuietly);
        sockets.forEach(Visitors::closeQuietly);
    }

    /** An RFC 9457 problem with this status, answering a request for the stream. */
    public static void assertProblem(HttpResponse<InputStream> response, int status) {
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            body = "(unreadable: " + e + ")";
        }
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(body)
                .startsWith("application/problem+json");
    }

    public static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all that matters
        }
    }
}
