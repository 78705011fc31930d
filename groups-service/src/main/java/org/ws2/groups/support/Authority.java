package org.ws2.groups.support;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.ws2.contracts.identity.Ws2Roles;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Actor;

/**
 * Who may do what to a group's assignments. Support staff triage and ask for sign-off; a group's
 * own editors (role group-editor, the group id in the token's groups claim) answer for it; admins
 * may do anything. The role alone is decided before the request is read ({@code RoleRules} in
 * {@code @PreAuthorize}); what depends on the group in the path, or on the step asked for, is decided here.
 */
public final class Authority {

    public static void requireSupport(Actor actor) {
        if (!actor.hasRole(Ws2Roles.SUPPORT_STAFF) && !actor.hasRole(Ws2Roles.ADMIN)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "Only support staff or an admin may do this.");
        }
    }

    public static void requireEditorOf(Actor actor, String groupId) {
        if (!actor.mayEditGroup(groupId)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "not-group-editor", "Not an editor of this group",
                    "Only an editor of group " + groupId + " (or an admin) may do this.").with("groupId", groupId);
        }
    }

    /**
     * Only support staff and admins entering past facts may say when a step took effect
     * ({@code effectiveAt}); anyone else, a group's own editor included, records a step as of now, so
     * that what a past quarter's report says cannot be changed after the fact.
     */
    public static void requireMayBackDate(Actor actor, Instant effectiveAt) {
        if (effectiveAt != null && !actor.hasRole(Ws2Roles.SUPPORT_STAFF) && !actor.hasRole(Ws2Roles.ADMIN)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "back-dating-not-allowed", "Back-dating not allowed",
                    "Only support staff or an admin entering past facts may give effectiveAt; leave it out and "
                            + "the step is recorded as of now.").with("field", "effectiveAt");
        }
    }

    /** Comments are the conversation between support and the group: both sides may write. */
    public static void requireSupportOrEditorOf(Actor actor, String groupId) {
        if (!actor.hasRole(Ws2Roles.SUPPORT_STAFF)) {
            requireEditorOf(actor, groupId);
        }
    }

    private Authority() {
    }
}
