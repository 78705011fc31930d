package org.ws2.web.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ws2.web.PageBrowser;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The group page's approval sends the drafts it showed, each with the version it showed (issue 11
 * item 7), and when the API refuses because one changed since (412) the page says so and asks for a
 * reload. The API is a stand-in gateway on a local port that answers the page's reads and records the
 * approval it is sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GroupPageApprovalIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final AtomicReference<String> approval = new AtomicReference<>();
    static final HttpServer GATEWAY = gateway();

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry registry) {
        registry.add("ws2.web.gateway-uri", () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort());
        registry.add("ws2.web.local-signing-key", () -> "");
    }

    @AfterAll
    static void stopTheGateway() {
        GATEWAY.stop(0);
    }

    @LocalServerPort
    int port;

    final PageBrowser browser = new PageBrowser();

    @Test
    void theApprovalNamesTheDraftsAsShownAndAStaleOneAsksForAReload() throws Exception {
        URI page = URI.create("http://localhost:" + port + "/groups/ALAC");
        browser.setCookie(page, "ws2_token", editorToken("ALAC"));

        HttpResponse<String> shown = browser.get(page);
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        String form = between(shown.body(), "/groups/ALAC/priorities/approval", "</form>");
        assertThat(values(form, "approve")).containsExactly("6.1.1@3", "6.1.3@5");

        StringBuilder submitted = new StringBuilder("_csrf=" + enc(values(form, "_csrf").get(0)));
        values(form, "approve").forEach(draft -> submitted.append("&approve=").append(enc(draft)));
        HttpResponse<String> answered = browser.post(page.resolve("/groups/ALAC/priorities/approval"), submitted.toString());

        JsonNode sent = JSON.readTree(approval.get());
        assertThat(sent.path("approve").toString())
                .isEqualTo("[{\"recommendationId\":\"6.1.1\",\"version\":3},{\"recommendationId\":\"6.1.3\",\"version\":5}]");
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("Someone else changed a draft priority since you opened the page, "
                + "so nothing was approved. Reload the page");
    }

    /** A group editor's token; the pages read its claims only, the API (here a stand-in) verifies it. */
    private static String editorToken(String group) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject("erin.editor").issuer("https://issuer.example").claim("roles", List.of("group-editor"))
                .claim("groups", List.of(group)).expirationTime(Date.from(Instant.now().plusSeconds(3600))).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) generator.generateKeyPair().getPrivate()));
        return jwt.serialize();
    }

    private static HttpServer gateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", GroupPageApprovalIT::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("POST") && path.equals("/api/groups/ALAC/priorities/approval")) {
            approval.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            send(exchange, 412, "application/problem+json", """
                    {"type":"urn:ws2:problem:stale-version","title":"Stale version","status":412,
                     "detail":"Changed since you read it: 6.1.3 is at version 6, not 5.","recommendationId":"6.1.3",
                     "currentVersion":6}""");
        } else if (path.equals("/api/groups/ALAC")) {
            send(exchange, 200, "application/json", """
                    {"id":"ALAC","name":"At-Large Advisory Committee","kind":"AC","parent":null}""");
        } else if (path.equals("/api/assignments")) {
            send(exchange, 200, "application/json", "{\"items\":[" + assignment("6.1.1", true, 3) + ","
                    + assignment("6.1.2", false, 4) + "," + assignment("6.1.3", true, 5) + "],\"total\":3}");
        } else {
            send(exchange, 404, "application/problem+json", "{\"status\":404,\"title\":\"Not found\"}");
        }
    }

    private static String assignment(String id, boolean draft, int version) {
        return """
                {"id":"ALAC:%s","groupId":"ALAC","recommendationId":"%s","recommendationTitle":"Title %s",
                 "triage":"SIGNED_OFF","priority":"HIGH","effort":"MODERATE","urgency":"MEDIUM","priorityDraft":%s,
                 "notApplicableReason":null,"applicabilityNote":null,"progress":"NOT_STARTED","comments":[],
                 "version":%d}""".formatted(id, id, id, draft, version);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as("the page has the approval form").isNotNegative();
        return text.substring(start, text.indexOf(to, start));
    }

    /** The values of the form's inputs of that name, in page order. */
    private static List<String> values(String form, String name) {
        List<String> values = new ArrayList<>();
        Matcher input = Pattern.compile("<input[^>]*>").matcher(form);
        while (input.find()) {
            String tag = input.group();
            if (tag.contains("name=\"" + name + "\"")) {
                Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(tag);
                values.add(value.find() ? value.group(1) : "");
            }
        }
        return values;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
