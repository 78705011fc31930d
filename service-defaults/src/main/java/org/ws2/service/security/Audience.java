package org.ws2.service.security;

import java.util.Optional;

import org.ws2.contracts.identity.Ws2Roles;

/**
 * Who is reading, for the visibility rule of {@code docs/visibility.md}: each audience sees what the
 * ones before it see, and more. A group editor is {@link #GROUP_AND_SUPPORT} only for the groups its
 * token names; for any other group it is merely {@link #SIGNED_IN}.
 */
public enum Audience {

    /** No token: published data only. */
    PUBLIC,
    /** Any valid token: also the names of who did what. */
    SIGNED_IN,
    /** Support staff, and the group's own editors: also contacts' e-mail, draft priorities, comments. */
    GROUP_AND_SUPPORT,
    /** Everything. */
    ADMIN;

    /** The current caller's audience for data that belongs to no group in particular. */
    public static Audience current() {
        return of(Actor.caller(), null);
    }

    /** The current caller's audience for data of {@code groupId}. */
    public static Audience forGroup(String groupId) {
        return of(Actor.caller(), groupId);
    }

    static Audience of(Optional<Actor> caller, String groupId) {
        if (caller.isEmpty()) {
            return PUBLIC;
        }
        Actor actor = caller.get();
        if (actor.hasRole(Ws2Roles.ADMIN)) {
            return ADMIN;
        }
        if (actor.hasRole(Ws2Roles.SUPPORT_STAFF)
                || (groupId != null && actor.hasRole(Ws2Roles.GROUP_EDITOR) && actor.groups().contains(groupId))) {
            return GROUP_AND_SUPPORT;
        }
        return SIGNED_IN;
    }

    public boolean isSignedIn() {
        return this != PUBLIC;
    }

    /** Support, admins and the group's own editors: the group's private data. */
    public boolean isInsider() {
        return compareTo(GROUP_AND_SUPPORT) >= 0;
    }
}
