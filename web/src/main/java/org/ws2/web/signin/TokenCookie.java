package org.ws2.web.signin;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.ws2.web.WebProperties;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Keeps the bearer token in an HttpOnly cookie instead of a server session, so that any replica of
 * this module can serve any request. SameSite=Lax plus Spring Security's CSRF token on every form
 * keep other sites from riding on it.
 */
@Component
public class TokenCookie {

    static final String NAME = "ws2_token";

    private final boolean secure;

    TokenCookie(WebProperties properties) {
        this.secure = properties.secureCookies();
    }

    public Optional<SignedInUser> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> NAME.equals(c.getName())).findFirst()
                .flatMap(c -> SignedInUser.fromToken(c.getValue()));
    }

    public void write(HttpServletResponse response, String token, Duration lifetime) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(token, lifetime).toString());
    }

    public void clear(HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString());
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value).httpOnly(true).secure(secure).sameSite("Lax").path("/")
                .maxAge(maxAge).build();
    }
}
