package org.ws2.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A browser for the pages under test: it keeps the cookies the pages set (the token, the CSRF token)
 * and follows no redirect, so that a test sees every hop of a sign-in or a post/redirect/get.
 */
public final class PageBrowser {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    public HttpResponse<String> get(URI page) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(page).GET());
    }

    /** Submits a form as a browser does, {@code form} already URL-encoded. */
    public HttpResponse<String> post(URI action, String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A cookie for every path of {@code site}, as if a page had set it. */
    public void setCookie(URI site, String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookies.getCookieStore().add(site, cookie);
    }

    public HttpCookie cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + cookies.getCookieStore().getCookies()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
