package org.ws2.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ws2.gateway.support.GatewayTestBase;
import org.ws2.gateway.support.TestBackend;
import org.ws2.gateway.support.TestTokens;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import com.nimbusds.jwt.JWTClaimsSet;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of four real (tiny) HTTP backends: what it routes where, what it lets through
 * without a token, and how it refuses what it must refuse.
 */
class GatewayRoutingAndSecurityTest extends GatewayTestBase {

    static final Map<String, TestBackend> BACKENDS = Map.of(
            "recommendations", TestBackend.start("recommendations"),
            "groups", TestBackend.start("groups"),
            "reporting", TestBackend.start("reporting"),
            "notifications", TestBackend.start("notifications"),
            "web", TestBackend.start("web"));

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("WS2_RECOMMENDATIONS_URI", BACKENDS.get("recommendations")::uri);
        registry.add("WS2_GROUPS_URI", BACKENDS.get("groups")::uri);
        registry.add("WS2_REPORTING_URI", BACKENDS.get("reporting")::uri);
        registry.add("WS2_NOTIFICATIONS_URI", BACKENDS.get("notifications")::uri);
        registry.add("WS2_WEB_URI", BACKENDS.get("web")::uri);
    }

    @AfterAll
    static void stopBackends() {
        BACKENDS.values().forEach(TestBackend::close);
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void forgetRequests() {
        BACKENDS.values().forEach(TestBackend::forgetRequests);
    }

    @ParameterizedTest
    @CsvSource({
        "/api/topics, recommendations",
        "/api/topics/1, recommendations",
        "/api/recommendations, recommendations",
        "/api/recommendations/1.1, recommendations",
        "/api/engagements/42, recommendations",
        "/api/groups, groups",
        "/api/groups/gnso-council, groups",
        "/api/assignments, groups",
        "/api/assignments/7, groups",
        "/api/reports/progress, reporting",
        "/api/reports/quarterly/2021-Q2, reporting",
        "/api/notifications, notifications",
        "/api/notifications/inbox, notifications",
        "/api/subscriptions, notifications",
        "/api/subscriptions/3, notifications"
    })
    void anonymousGetIsRoutedToItsServiceWithThePathUnchanged(String path, String service) {
        client.get().uri(path + "?page=2&status=IN_PROGRESS")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals("X-Backend", service)
            .expectBody().jsonPath("$.path").isEqualTo(path);

        TestBackend.Received received = BACKENDS.get(service).lastRequest();
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.path()).isEqualTo(path);
        assertThat(received.query()).isEqualTo("page=2&status=IN_PROGRESS");
        assertThat(received.authorization()).isNull();
        // W3C trace context goes along, so a service's logs join the gateway's trace
        assertThat(received.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/recommendations", "/recommendations/6.1.1", "/groups/ALAC", "/reports",
        "/workspace", "/sign-in", "/api-docs", "/assets/site.css", "/webjars/swagger-ui/swagger-ui.css",
        "/subscriptions/confirm", "/groups/ALAC/assignments/1.1", "/engagements", "/engagements/42", "/inbox",
        "/settings", "/favicon.ico", "/unsubscribe"})
    void pagesAreRoutedToTheWebModule(String path) {
        expectAnsweredBy("web", client.get().uri(path).exchange());
        assertThat(BACKENDS.get("web").lastRequest().path()).isEqualTo(path);
    }

    @Test
    void theEditionsFeedBesideThePagesIsServedByReportingNotTheWebModule() {
        // feed readers are given /reports/editions.atom; the rest of /reports is the web module's
        expectAnsweredBy("reporting", client.get().uri("/reports/editions.atom").exchange());
        assertThat(BACKENDS.get("reporting").lastRequest().path()).isEqualTo("/api/reports/editions.atom");
        assertThat(BACKENDS.get("reporting").lastRequest().authorization()).isNull();
    }

    @Test
    void aPageFormIsPostedToTheWebModuleWhichSignsPeopleInItself() {
        // no bearer token: the web module checks its own cookie and CSRF token, then calls /api with the token
        // the first call on this route builds its client and breaker: allow for a loaded test machine
        expectAnsweredBy("web", postWithoutToken(client.mutate().responseTimeout(Duration.ofSeconds(30)).build(),
            "/groups/ALAC/assignments/6.1.1/priority", MediaType.APPLICATION_FORM_URLENCODED, "priority=HIGH"));
        assertThat(BACKENDS.get("web").lastRequest().method()).isEqualTo("POST");
    }

    @Test
    void anEmailConfirmationIsPostedToTheWebModuleAndItsApiCallToTheNotificationsService() {
        // the page behind a confirmation email's link, and its button, which carries no bearer token
        expectAnsweredBy("web",
            postWithoutToken(client, "/subscriptions/confirm", MediaType.APPLICATION_FORM_URLENCODED, "token=abc"));
        assertThat(BACKENDS.get("web").lastRequest().path()).isEqualTo("/subscriptions/confirm");
        // what the page then asks of the API, with no Authorization either: the emailed token is the credential,
        // which the notifications service checks
        expectAnsweredBy("notifications", postWithoutToken(client, "/api/subscriptions/confirmations",
            MediaType.APPLICATION_JSON, "{\"token\":\"abc\"}"));
    }

    @Test
    void aOneClickUnsubscribeNeedsNoTokenAndReachesTheNotificationsService() {
        // RFC 8058: the mail client posts the List-Unsubscribe URL itself, with no one signed in; the token in
        // the URL is the credential, which the notifications service checks
        expectAnsweredBy("notifications", postWithoutToken(client, "/api/subscriptions/unsubscribe?token=abc",
            MediaType.APPLICATION_FORM_URLENCODED, "List-Unsubscribe=One-Click"));
        assertThat(BACKENDS.get("notifications").lastRequest().query()).isEqualTo("token=abc");
        // the page for people behind an email's unsubscribe link, and its button
        expectAnsweredBy("web",
            postWithoutToken(client, "/unsubscribe", MediaType.APPLICATION_FORM_URLENCODED, "token=abc"));
        // only that path opens: the rest of the subscriptions API still needs a token
        postWithoutToken(client, "/api/subscriptions/unsubscribe/other", MediaType.APPLICATION_FORM_URLENCODED,
            "List-Unsubscribe=One-Click").expectStatus().isUnauthorized();
    }

    @ParameterizedTest
    @CsvSource({
        "/api-docs/recommendations, recommendations",
        "/api-docs/groups, groups",
        "/api-docs/reporting, reporting",
        "/api-docs/notifications, notifications"
    })
    void eachServicesOpenApiDocumentIsServedAtApiDocs(String path, String service) {
        expectAnsweredBy(service,
            client.get().uri(path).header(HttpHeaders.HOST, "tracker.example.org:8443").exchange());
        TestBackend.Received received = BACKENDS.get(service).lastRequest();
        assertThat(received.path()).isEqualTo("/v3/api-docs");
        // the service builds the document's `servers` from this, so "Try it out" goes through the gateway
        assertThat(received.host()).isEqualTo("tracker.example.org:8443");
    }

    @Test
    void anApiCallReachesItsServiceWithTheServicesOwnHost() {
        // only the /api-docs routes keep the browser's Host; the API routes address the instance
        client.get().uri("/api/topics").header(HttpHeaders.HOST, "tracker.example.org:8443").exchange()
            .expectStatus().isOk();
        assertThat(BACKENDS.get("recommendations").lastRequest().host())
            .isEqualTo(BACKENDS.get("recommendations").uri().substring("http://".length()));
    }

    @Test
    void anonymousHeadIsAllowed() {
        client.head().uri("/api/recommendations").exchange().expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = { "POST", "PUT", "PATCH", "DELETE" })
    void writeWithoutTokenIs401ProblemAndNeverReachesTheService(String method) {
        client.method(HttpMethod.valueOf(method)).uri("/api/recommendations/1.1")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"status\":\"IMPLEMENTED\"}")
            .exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .expectBody()
            .jsonPath("$.type").isEqualTo("urn:ws2:problem:unauthenticated")
            .jsonPath("$.title").isEqualTo("Unauthorized")
            .jsonPath("$.status").isEqualTo(401)
            .jsonPath("$.detail").isNotEmpty()
            .jsonPath("$.instance").isEqualTo("/api/recommendations/1.1");

        assertThat(BACKENDS.get("recommendations").lastRequest()).isNull();
    }

    @Test
    void writeWithValidTokenIsForwardedWithAuthorizationHeaderAndBodyIntact() {
        String token = TOKENS.valid("alice", List.of("group-editor"), List.of("gnso-council"));

        postJson("/api/assignments", token, "{\"recommendation\":\"1.1\",\"group\":\"gnso-council\"}")
            .expectStatus().isOk()
            .expectHeader().valueEquals("X-Backend", "groups");

        TestBackend.Received received = BACKENDS.get("groups").lastRequest();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/api/assignments");
        assertThat(received.authorization()).isEqualTo("Bearer " + token);
        assertThat(received.body()).isEqualTo("{\"recommendation\":\"1.1\",\"group\":\"gnso-council\"}");
    }

    @Test
    void expiredTokenIs401Problem() {
        assertRejected(TOKENS.expired("alice", List.of("admin")));
    }

    @Test
    void garbageTokenIs401Problem() {
        assertRejected("not-a-jwt");
    }

    @Test
    void tokenSignedByAnUnknownKeyIs401Problem() {
        assertRejected(TestTokens.signedByStranger("mallory", List.of("admin")));
    }

    @Test
    void tokenWithoutOrWithAnotherAudienceIs401Problem() {
        assertRejected(TOKENS.signed(claims().audience((String) null).build()));
        assertRejected(TOKENS.signed(claims().audience("another-api").build()));
    }

    @Test
    void tokenWithoutOrFromAnotherIssuerIs401Problem() {
        assertRejected(TOKENS.signed(claims().issuer(null).build()));
        assertRejected(TOKENS.signed(claims().issuer("https://elsewhere.example").build()));
    }

    @Test
    void tokenWithoutExpiryIs401Problem() {
        assertRejected(TOKENS.signed(claims().expirationTime(null).build()));
    }

    /** A token the gateway accepts; each test above takes one claim away or changes it. */
    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("alice")
            .claim("roles", List.of("admin")).issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    private void assertRejected(String token) {
        postJson("/api/subscriptions", token, "{}")
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                    challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""))
            .expectBody()
            .jsonPath("$.status").isEqualTo(401)
            .jsonPath("$.instance").isEqualTo("/api/subscriptions");

        assertThat(BACKENDS.get("notifications").lastRequest()).isNull();
    }

    @Test
    void pathsOutsideTheApiAreRefusedAsProblems() {
        client.get().uri("/internal/anything")
            .exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        expectProblem(client.get().uri("/internal/anything")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid("root", List.of("admin"), List.of()))
            .exchange(), HttpStatus.FORBIDDEN, "forbidden", "/internal/anything");
    }

    @Test
    void unknownApiPathIs404Problem() {
        expectProblem(client.get().uri("/api/nothing-here").exchange(), HttpStatus.NOT_FOUND, "not-found",
            "/api/nothing-here");
    }

    @Test
    void slowButHealthyServiceIsNotCutOffByTheCircuitBreakersTimeLimiter() {
        // Resilience4j's default time limit is 1 s (the gateway turns the limiter off); this service takes 1.5 s
        // and must still answer.
        client.mutate().responseTimeout(Duration.ofSeconds(10)).build()
            .get().uri("/api/reports/progress?delayMs=1500")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals("X-Backend", "reporting");
    }

    @Test
    void manyConcurrentRequestsToOneServiceAreAllServed() {
        // Spring Cloud CircuitBreaker would put a 25-call bulkhead in front of each service by default:
        // the 26th concurrent request would get a 503 and count against the breaker.
        WebClient direct = WebClient.create("http://127.0.0.1:" + port);
        List<Integer> statuses = Flux.range(0, 60)
            .flatMap(i -> direct.get()
                .uri("/api/recommendations/{id}?delayMs=500", i)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 60)
            .collectList()
            .block(Duration.ofSeconds(30));

        assertThat(statuses).hasSize(60).containsOnly(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
            "/actuator/info", "/actuator/prometheus" })
    void operationalEndpointsAnswerOnTheManagementPort(String path) {
        operator().get().uri(path).exchange().expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/prometheus", "/actuator/health", "/actuator/health/readiness", "/actuator/info" })
    void theApiListenerHasNoOperationalEndpoints(String path) {
        // metrics name routes, statuses and callers' volumes: for operators, not for whoever reaches the API
        client.get().uri(path).exchange().expectStatus().isNotFound();
    }

    @Test
    void otherActuatorEndpointsAreNotOpen() {
        client.get().uri("/actuator/gateway/routes").exchange().expectStatus().isUnauthorized();
        operator().get().uri("/actuator/gateway/routes").exchange().expectStatus().isUnauthorized();
    }

    /** A post with no Authorization, as a page's form, an emailed link's button or a mail client sends it. */
    private static WebTestClient.ResponseSpec postWithoutToken(WebTestClient client, String uri, MediaType type,
            String body) {
        return client.post().uri(uri).contentType(type).bodyValue(body).exchange();
    }

    private static void expectAnsweredBy(String backend, WebTestClient.ResponseSpec response) {
        response.expectStatus().isOk().expectHeader().valueEquals("X-Backend", backend);
    }

    /** A problem answer of that status and type (urn:ws2:problem:{@code type}) about {@code instance}. */
    private static void expectProblem(WebTestClient.ResponseSpec response, HttpStatus status, String type,
            String instance) {
        response.expectStatus().isEqualTo(status)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("urn:ws2:problem:" + type)
            .jsonPath("$.status").isEqualTo(status.value())
            .jsonPath("$.instance").isEqualTo(instance);
    }
}
