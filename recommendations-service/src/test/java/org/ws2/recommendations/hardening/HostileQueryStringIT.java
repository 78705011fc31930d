package org.ws2.recommendations.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.ws2.recommendations.support.RecommendationsApiTestBase;

/**
 * A fuzz of hostile query strings on the read endpoints, sent byte for byte over a socket (an HTTP
 * client would refuse to send a malformed escape): bad percent-encoding, NUL, far dates, huge and
 * negative numbers. A client's mistake is a 4xx problem, never a 5xx, and never an ERROR log line,
 * which would raise an error-rate alert.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileQueryStringIT extends RecommendationsApiTestBase {

    private static final List<String> ENDPOINTS = List.of("/api/recommendations", "/api/engagements",
            "/api/recommendations/2.1", "/api/recommendations/2.1/evidence", "/api/recommendations/2.1/history",
            "/api/topics");

    private static final List<String> HOSTILE_QUERIES = List.of(
            "size=%FF%FE", "page=%FF", "q=%C3", "q=%E2%82", "q=%G1", "q=%", "q=abc%2", "%FF=1", "q=%C0%AF",
            "q=%00", "asOf=%00", "page=%001",
            "asOf=99999-01-01T00:00:00Z", "asOf=-99999-01-01T00:00:00Z", "asOf=%2B99999-01-01T00:00:00Z",
            "asOf=+99999-01-01T00:00:00Z", "from=99999-01-01", "to=-99999-01-01", "from=%2B99999-01-01",
            "size=99999999999999999999", "page=99999999999999999999", "page=-1", "size=-1", "size=0",
            "page=2147483648", "page=2147483647", "page=2147483647&size=200", "page=21474836&size=200",
            "size=2147483647", "status=%FF", "sort=%FF%FE&order=%FE");

    @LocalServerPort
    int port;

    @Test
    void noHostileQueryStringIsA5xxOrLoggedAtError(CapturedOutput output) throws Exception {
        List<String> failures = new ArrayList<>();
        for (String endpoint : ENDPOINTS) {
            for (String query : HOSTILE_QUERIES) {
                String target = endpoint + "?" + query;
                Answer answer = get(target);
                if (answer.status() >= 500 || answer.status() < 400 && answer.status() != 200) {
                    failures.add(target + " -> " + answer.status() + " " + answer.body());
                } else if (answer.status() >= 400 && !answer.contentType().startsWith("application/problem+json")) {
                    failures.add(target + " -> " + answer.status() + " not a problem: " + answer.contentType());
                }
            }
        }

        assertThat(failures).isEmpty();
        // the services log JSON lines; a plain console pattern has the level between spaces
        assertThat(output.getAll().lines()
                .filter(line -> line.contains("\"level\":\"ERROR\"") || line.contains(" ERROR ")).toList()).isEmpty();
    }

    @Test
    void invalidPercentEncodingIsA400NamingTheParameter() throws Exception {
        Answer answer = get("/api/recommendations?size=%FF%FE");
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(json.readTree(answer.body()).path("field").asString()).isEqualTo("size");
    }

    private static String unchunked(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    private record Answer(int status, String contentType, String body) {
    }

    /** One GET with {@code target} exactly as written on the request line. */
    private Answer get(String target) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.ISO_8859_1);
            int headersEnd = response.indexOf("\r\n\r\n");
            String head = headersEnd < 0 ? response : response.substring(0, headersEnd);
            String body = headersEnd < 0 ? "" : response.substring(headersEnd + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunked(body);
            }
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = head.lines().filter(line -> line.toLowerCase().startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).strip()).findFirst().orElse("");
            return new Answer(status, contentType, body);
        }
    }
}
