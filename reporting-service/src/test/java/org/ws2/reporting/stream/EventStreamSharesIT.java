package org.ws2.reporting.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ws2.reporting.support.ReportingIntegrationTestBase;
import org.ws2.reporting.support.SseClient;
import org.ws2.reporting.support.SseClient.Event;
import org.ws2.testsupport.ServiceIntegrationTest;
import org.ws2.testsupport.TestTokens;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The public stream shared fairly, over real HTTP: each client (as the gateway names it) gets its share of
 * streams, and a client that stops reading is dropped without holding up anyone else.
 */
@ServiceIntegrationTest
class EventStreamSharesIT extends ReportingIntegrationTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The default share (ws2.stream.max-per-client). */
    private static final int SHARE = 10;

    @LocalServerPort
    int port;

    @Autowired
    EventStreamHub hub;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void aClientBeyondItsShareIsRefusedWithRetryAfterWhileOthersStillGetStreams() throws Exception {
        // Requests come from 127.0.0.1, a trusted proxy (the gateway): the client is whom it forwards for.
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < SHARE; i++) {
                open.add(stream(Map.of("X-Forwarded-For", "198.51.100.7")));
            }
            Answer refused = raw(Map.of("X-Forwarded-For", "198.51.100.7"));
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                    v -> assertThat(Long.parseLong(v)).isPositive());
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.path("type").asString()).isEqualTo("urn:ws2:problem:too-many-streams");
            assertThat(problem.path("status").asInt()).isEqualTo(429);

            // A made-up address in front of its own is no escape: the right-most untrusted hop names the client,
            // and a trusted hop nearer (the web module) is looked through.
            assertThat(raw(Map.of("X-Forwarded-For", "203.0.113.1, 198.51.100.7")).statusCode()).isEqualTo(429);
            assertThat(raw(Map.of("X-Forwarded-For", "198.51.100.7, 127.0.0.1")).statusCode()).isEqualTo(429);

            // Another client, and callers the gateway names nobody for, are not held to that client's share.
            open.add(stream(Map.of("X-Forwarded-For", "198.51.100.8")));
            open.add(stream(Map.of()));
            assertThat(raw(Map.of("X-Forwarded-For", "198.51.100.9")).statusCode()).isEqualTo(200);
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void aSignedInPersonIsCountedByTheirTokenWhereverTheyConnectFrom() throws Exception {
        String bearer = TestTokens.bearer("stream-share-" + UUID.randomUUID(), "viewer");
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < SHARE; i++) {
                open.add(stream(Map.of("Authorization", bearer, "X-Forwarded-For", "192.0.2." + (i + 1))));
            }
            Answer refused = raw(Map.of("Authorization", bearer, "X-Forwarded-For", "192.0.2.200"));
            assertThat(refused.statusCode()).isEqualTo(429);
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndHoldsUpNobody() throws Exception {
        String stalled = "ip:203.0.113.50";
        double droppedBefore = dropped();
        try (Socket nonReader = new Socket(); SseClient reader = stream(Map.of("X-Forwarded-For", "203.0.113.51"))) {
            // A small window: the server's writes to it stop being accepted after little data.
            nonReader.setReceiveBufferSize(4096);
            nonReader.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            OutputStream out = nonReader.getOutputStream();
            out.write(("GET /api/events/stream HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccept: text/event-stream\r\nX-Forwarded-For: 203.0.113.50\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(PATIENCE).until(() -> hub.streamsOf(stalled) == 1);

            // Far more than the socket buffers on both sides hold (each event is one 64 KiB line).
            int events = 200;
            String subject = "SHARES-" + UUID.randomUUID();
            publish(subject, events, 64 * 1024);

            List<Event> received = reader.take(events, PATIENCE);
            assertThat(received).hasSize(events);
            assertThat(received).allSatisfy(e -> assertThat(e.data()).contains(subject));

            await().atMost(PATIENCE).until(() -> hub.streamsOf(stalled) == 0);
            assertThat(dropped()).isEqualTo(droppedBefore + 1);
        }
    }

    private double dropped() {
        var counter = meters.find("ws2.stream.dropped").counter();
        return counter == null ? 0 : counter.count();
    }

    /** Appends public events straight to the stream's table, as the listener would. */
    private void publish(String subject, int count, int size) {
        String padding = "x".repeat(size);
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            String event = "{\"id\":\"" + id + "\",\"type\":\"org.ws2.group.registered.v1\",\"subject\":\"" + subject
                    + "\",\"data\":{\"padding\":\"" + padding + "\"}}";
            jdbc.sql("""
                    INSERT INTO public_event (event_id, topic, type, subject, time, recorded_at, event)
                    VALUES (:id, 'ws2.groups.v1', 'org.ws2.group.registered.v1', :subject, :now, :now, :event)""")
                    .param("id", id).param("subject", subject).param("now", now).param("event", event).update();
        }
    }

    private SseClient stream(Map<String, String> headers) throws IOException, InterruptedException {
        return SseClient.open(uri(), headers);
    }

    /** One request: a refusal's problem read whole, or (for 200) the stream dropped at once. */
    private Answer raw(Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri()).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            return new Answer(response.statusCode(), response.headers(),
                    response.statusCode() == 200 ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/api/events/stream");
    }

    private record Answer(int statusCode, HttpHeaders headers, String body) {
    }
}
