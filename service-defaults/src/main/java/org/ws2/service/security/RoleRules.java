package org.ws2.service.security;

import org.ws2.contracts.identity.Ws2Roles;

/**
 * The role rules of every service, for {@code @PreAuthorize}, in one place and built on
 * {@link Ws2Roles}: decided from the token alone, before the request body is read. What depends on
 * the resource (a group editor's own groups) is checked where the resource is known.
 */
public final class RoleRules {

    /** Support staff and admins: triage, sign-off requests, the catalogue, groups. */
    public static final String SUPPORT = "hasAnyRole('" + Ws2Roles.SUPPORT_STAFF + "', '" + Ws2Roles.ADMIN + "')";

    /** Whoever may write anything: support staff, admins and group editors. */
    public static final String ANY_WRITER = "hasAnyRole('" + Ws2Roles.SUPPORT_STAFF + "', '" + Ws2Roles.ADMIN
            + "', '" + Ws2Roles.GROUP_EDITOR + "')";

    /** Admins and group editors: a group's own answers (which group is checked against the path). */
    public static final String GROUP_EDITORS = "hasAnyRole('" + Ws2Roles.ADMIN + "', '" + Ws2Roles.GROUP_EDITOR + "')";

    private RoleRules() {
    }
}
