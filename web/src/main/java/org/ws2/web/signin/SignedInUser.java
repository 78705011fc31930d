package org.ws2.web.signin;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.ws2.localsigning.LocalJwtKeys;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The person using the pages, as their bearer token says. The pages read the claims only to decide
 * what to show; the gateway and every service verify the token on each API call, so a forged cookie
 * gains nothing but a form the API then refuses.
 *
 * @param local signed with the local stack's key (the banner says so on every page)
 */
public record SignedInUser(String token, String subject, List<String> roles, List<String> groups, boolean local) {

    /** Tokens from the local stack's key say so; the banner then says this is the local stack. */
    public static final String LOCAL_ISSUER = LocalJwtKeys.ISSUER;

    public static Optional<SignedInUser> fromToken(String token) {
        try {
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().isBefore(Instant.now())) {
                return Optional.empty();
            }
            List<String> roles = claims.getStringListClaim("roles");
            List<String> groups = claims.getStringListClaim("groups");
            return Optional.of(new SignedInUser(token, claims.getSubject(), roles == null ? List.of() : roles,
                    groups == null ? List.of() : groups, LOCAL_ISSUER.equals(claims.getIssuer())));
        } catch (ParseException | RuntimeException notAToken) {
            return Optional.empty();
        }
    }

    public boolean admin() {
        return roles.contains("admin");
    }

    /** Support staff triage, ask for sign-off and move recommendations through their lifecycle. */
    public boolean support() {
        return admin() || roles.contains("support-staff");
    }

    public boolean editorOf(String groupId) {
        return admin() || (roles.contains("group-editor") && groups.contains(groupId));
    }

    /** The header's "group editor for ALAC": the roles in people's words, then the groups the person edits. */
    public String describe() {
        String who = String.join(", ", roles.stream().map(SignedInUser::roleInWords).toList());
        return groups.isEmpty() ? who : who + " for " + String.join(", ", groups);
    }

    /**
     * A role as people say it ("group editor"), not as the token names it ({@code group-editor}); a role of an
     * identity provider that the tracker does not know reads the same way.
     */
    public static String roleInWords(String role) {
        return role.replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
