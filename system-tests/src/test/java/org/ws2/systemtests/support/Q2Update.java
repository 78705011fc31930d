package org.ws2.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.ws2.systemtests.support.Responses.JSON;
import static org.ws2.systemtests.support.Responses.assertOk;

/**
 * The Q2 2021 update loaded through the gateway with the dates it happened: {@code scripts/q2-2021.calls}, the
 * same calls {@code scripts/load-q2-2021.sh} makes, ending with the 2021-Q2 edition written and published. The
 * shared stack's first data: a dated call must come before any later change of what it changes.
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
            if (method.equals("AWAIT")) {
                // the reports catch up with the calls above from their events; publishing freezes what they show
                await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get(path, null).body().contains(body));
                continue;
            }
            if (path.equals("/api/engagements") && gateway.get("/api/engagements?size=200", null).body()
                    .contains("\"title\":\"" + JSON.readTree(body).path("title").asString() + "\"")) {
                continue; // recorded by the engagement seed already
            }
            String dated = path.equals("/api/engagements") || at.equals("-") ? body // dated by its heldOn, or not
                    : body.equals("{}") ? "{\"effectiveAt\":\"" + at + "\"}"
                    : "{\"effectiveAt\":\"" + at + "\"," + body.substring(1);
            String token = gateway.token(role);
            if (path.equals("/api/assignments/bulk")) {
                // The groups service learns recommendations from their events: wait until it knows them.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertOk(gateway.post(path, token, dated)));
            } else if (method.equals("PUT")) {
                // the first PUT of an edition creates it: the editions list answers no ETag, so no If-Match
                HttpRequest.Builder put = gateway.request(path, token).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(dated));
                gateway.get(path.substring(0, path.lastIndexOf('/')), null).headers().firstValue("ETag")
                        .ifPresent(etag -> put.header("If-Match", etag));
                assertOk(gateway.send(put));
            } else {
                assertOk(gateway.post(path, token, dated));
            }
        }
    }
}
