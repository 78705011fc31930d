package org.ws2.gateway.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;

/**
 * The gateway's refusals as a page, for people: a browser asking for a page (or following a link into the API)
 * that is refused by the rate limit, or whose service is down, gets a sentence to read instead of a JSON
 * document. Programs keep the RFC 9457 problem: only a request for the web module's pages, or one whose
 * {@code Accept} names HTML before JSON, gets the page.
 */
@Component
public class ProblemPage {

    public static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    /** The route of the web module's pages in application.yml. */
    private static final String PAGES_ROUTE = "web";

    private final String template;

    public ProblemPage() {
        try (InputStream in = new ClassPathResource("pages/problem.html").getInputStream()) {
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("pages/problem.html is missing from the gateway's jar", ex);
        }
    }

    /** A person's browser: a page of the web module's, or an {@code Accept} that prefers HTML to JSON. */
    public boolean wanted(ServerWebExchange exchange) {
        if (onPagesRoute(exchange)) {
            return true;
        }
        List<MediaType> accepted;
        try {
            accepted = exchange.getRequest().getHeaders().getAccept();
        }
        catch (InvalidMediaTypeException unreadable) {
            return false;
        }
        // Named explicitly, not through */*: a script's "*/*" gets the problem it can parse.
        double html = quality(accepted, MediaType.TEXT_HTML);
        double json = Math.max(quality(accepted, MediaType.APPLICATION_JSON),
                quality(accepted, MediaType.APPLICATION_PROBLEM_JSON));
        return html > 0 && html > json;
    }

    /** Routed to the web module's pages (the rate limit gives these an allowance of their own too). */
    public static boolean onPagesRoute(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null && PAGES_ROUTE.equals(route.getId());
    }

    /** The page: a heading for the status and the problem's detail, which is already written for people. */
    public byte[] render(HttpStatusCode status, String detail) {
        return template.replace("{{title}}", HtmlUtils.htmlEscape(title(status)))
                .replace("{{heading}}", HtmlUtils.htmlEscape(heading(status)))
                .replace("{{detail}}", HtmlUtils.htmlEscape(detail == null ? "" : detail))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String title(HttpStatusCode status) {
        if (status.value() == 404) {
            return "Not found";
        }
        if (status.value() == 429) {
            return "Too many requests";
        }
        if (status.is5xxServerError()) {
            return "Not available";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "HTTP " + status.value();
    }

    /** As the web module's own problem page words it (web/src/main/resources/templates/problem.html). */
    private static String heading(HttpStatusCode status) {
        return status.is5xxServerError() ? "The tracker could not answer" : title(status);
    }

    private static double quality(List<MediaType> accepted, MediaType type) {
        return accepted.stream().filter(type::equalsTypeAndSubtype).mapToDouble(MediaType::getQualityValue)
                .max().orElse(0);
    }
}
