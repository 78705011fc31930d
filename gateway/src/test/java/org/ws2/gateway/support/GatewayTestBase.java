package org.ws2.gateway.support;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A gateway under test, on a random port, that trusts {@link TestTokens} and is called through {@link #client}.
 * The test class (or a base of it) declares the backends its routes lead to, and the properties it changes
 * ({@code @TestPropertySource}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// WebTestClient's default of 5 s fails a request that a shared 2-core box held up: what these tests assert is the
// answer, and a hang still fails, after 30 s
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class GatewayTestBase {

    protected static final TestTokens TOKENS = TestTokens.create();

    @DynamicPropertySource
    static void trustTheTestTokens(DynamicPropertyRegistry registry) {
        TOKENS.trustedBy(registry);
    }

    @Autowired
    protected WebTestClient client;

    /** The management port (health, metrics), where probes and Prometheus look; never the API's. */
    @LocalManagementPort
    protected int managementPort;

    /** A client of the management port, for what operators and probes read. */
    protected WebTestClient operator() {
        // its own client: the bound one's base URL cannot be changed by mutate()
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
            .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A write with a JSON body by the holder of {@code token}. */
    protected WebTestClient.ResponseSpec postJson(String path, String token, String json) {
        return client.post().uri(path)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(json)
            .exchange();
    }
}
