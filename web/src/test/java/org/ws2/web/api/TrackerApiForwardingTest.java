package org.ws2.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.ws2.web.WebProperties;

import com.sun.net.httpserver.HttpServer;

/** The gateway counts a page's API calls against the visitor, so the web module must say who that is. */
class TrackerApiForwardingTest {

    private final AtomicReference<String> forwardedFor = new AtomicReference<>();
    private HttpServer gateway;

    @AfterEach
    void stop() {
        RequestContextHolder.resetRequestAttributes();
        if (gateway != null) {
            gateway.stop(0);
        }
    }

    @Test
    void aPagesApiCallNamesTheVisitorBehindTheGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", exchange -> {
            forwardedFor.set(exchange.getRequestHeaders().getFirst("X-Forwarded-For"));
            byte[] body = "{}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        gateway.start();
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/recommendations");
        page.setRemoteAddr("127.0.0.1"); // the gateway, which routed the page here
        page.addHeader("X-Forwarded-For", "203.0.113.9"); // and said whom for
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(page));

        new TrackerApi(new WebProperties("http://127.0.0.1:" + gateway.getAddress().getPort(), null, false))
                .get("/api/recommendations", null);

        assertThat(forwardedFor.get()).isEqualTo("203.0.113.9, 127.0.0.1");
    }
}
