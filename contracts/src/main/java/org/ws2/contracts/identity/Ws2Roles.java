package org.ws2.contracts.identity;

/**
 * The identity contract shared by the token issuer, the gateway and every service: a bearer JWT
 * whose {@code roles} claim holds some of these names and whose {@code groups} claim lists the
 * group ids a group editor may edit. The actor of a change is the token's {@code sub}.
 */
public final class Ws2Roles {

    public static final String ADMIN = "admin";
    public static final String SUPPORT_STAFF = "support-staff";
    public static final String GROUP_EDITOR = "group-editor";

    public static final String ROLES_CLAIM = "roles";
    public static final String GROUPS_CLAIM = "groups";

    private Ws2Roles() {
    }
}
