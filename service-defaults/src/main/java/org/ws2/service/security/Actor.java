package org.ws2.service.security;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.ws2.contracts.identity.Ws2Roles;

/**
 * The authenticated principal behind a change: the name recorded as its actor, and the groups a
 * group editor may edit.
 */
public record Actor(String name, List<String> roles, List<String> groups) {

    /** The caller of the current request; fails if there is none, since writes are authenticated. */
    public static Actor current() {
        return caller().orElseThrow(() -> new IllegalStateException("No authenticated caller"));
    }

    /** The caller of the current request, or empty for an anonymous reader. */
    public static Optional<Actor> caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            var jwt = token.getToken();
            return Optional.of(new Actor(jwt.getSubject(), listClaim(jwt.getClaimAsStringList(Ws2Roles.ROLES_CLAIM)),
                    listClaim(jwt.getClaimAsStringList(Ws2Roles.GROUPS_CLAIM))));
        }
        return Optional.empty();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean mayEditGroup(String groupId) {
        return hasRole(Ws2Roles.ADMIN) || (hasRole(Ws2Roles.GROUP_EDITOR) && groups.contains(groupId));
    }

    private static List<String> listClaim(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
