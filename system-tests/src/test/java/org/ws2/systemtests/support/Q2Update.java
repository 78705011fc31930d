package org.ws2.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.ws2.systemtests.support.Responses.JSON;
import static org.ws2.systemtests.support.Responses.assertOk;

/**
 * The Q2 2021 update loaded through the gateway with the dates it happened: {@code scripts/q2-2021.calls}, the
 * same calls {@code scripts/load-q2-2021.sh} makes. The shared stack's first data: a dated call must come before
 * any later change of what it changes.
 */
final class Q2Update {

    private Q2Update() {
    }

    static void load(GatewayClient gateway) {
        List<String> lines;
        try {
            lines = Files.readAllLines(SystemStack.REPO.resolve("scripts/q2-2021.calls"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] call = line.split("\\|", 5);
            String at = call[0].trim(), role = call[1].trim(), method = call[2].trim(), path = call[3].trim();
            String body = call[4].trim();
            if (path.equals("/api/engagements") && gateway.get("/api/engagements?size=200", null).body()
                    .contains("\"title\":\"" + JSON.readTree(body).path("title").asString() + "\"")) {
                continue; // recorded by the engagement seed already
            }
            String dated = path.equals("/api/engagements") ? body // dated by its heldOn
                    : body.equals("{}") ? "{\"effectiveAt\":\"" + at + "\"}"
                    : "{\"effectiveAt\":\"" + at + "\"," + body.substring(1);
            String token = gateway.token(role);
            if (path.equals("/api/assignments/bulk")) {
                // The groups service learns recommendations from their events: wait until it knows them.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertOk(gateway.post(path, token, dated)));
            } else if (method.equals("PUT")) {
                assertOk(gateway.put(path, token, dated, gateway.etag(path.substring(0, path.lastIndexOf('/')))));
            } else {
                assertOk(gateway.post(path, token, dated));
            }
        }
    }
}
