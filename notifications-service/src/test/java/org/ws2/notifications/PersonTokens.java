package org.ws2.notifications;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.ws2.testsupport.TestTokens;

import com.nimbusds.jwt.JWTClaimsSet;

/** Bearer tokens of people whose token names their own email address, as an OIDC issuer's does. */
public final class PersonTokens {

    /** A reader whose {@code email} claim is {@code email}: the one address mailed without confirmation. */
    public static String withEmail(String name, String email) {
        return token(name, new JWTClaimsSet.Builder().claim("email", email));
    }

    /** A reader whose issuer says it has not verified the {@code email} claim ({@code email_verified: false}). */
    public static String withUnverifiedEmail(String name, String email) {
        return token(name, new JWTClaimsSet.Builder().claim("email", email).claim("email_verified", false));
    }

    private static String token(String name, JWTClaimsSet.Builder claims) {
        Instant now = Instant.now();
        return "Bearer " + TestTokens.signed(claims.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .subject(name).claim("roles", List.of("reader"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).build());
    }

    private PersonTokens() {
    }
}
