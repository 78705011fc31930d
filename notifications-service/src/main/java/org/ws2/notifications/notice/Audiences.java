package org.ws2.notifications.notice;

import java.util.ArrayList;
import java.util.List;

import org.ws2.contracts.identity.Ws2Roles;
import org.ws2.service.security.Actor;

/**
 * Who a notice is addressed to. A notice names one audience; a token places its bearer in several:
 * themself, the editors of each group its {@code groups} claim names (with role group-editor),
 * and the staff roles it holds.
 */
public final class Audiences {

    public static final String SUPPORT_STAFF = "role:" + Ws2Roles.SUPPORT_STAFF;
    public static final String ADMINS = "role:" + Ws2Roles.ADMIN;

    public static String person(String subject) {
        return "person:" + subject;
    }

    public static String groupEditors(String groupId) {
        return "group-editors:" + groupId;
    }

    /** Every audience the caller belongs to. Admins also see what support staff see: they stand in for them. */
    public static List<String> of(Actor actor) {
        List<String> audiences = new ArrayList<>();
        audiences.add(person(actor.name()));
        if (actor.hasRole(Ws2Roles.GROUP_EDITOR)) {
            actor.groups().forEach(group -> audiences.add(groupEditors(group)));
        }
        if (actor.hasRole(Ws2Roles.SUPPORT_STAFF) || actor.hasRole(Ws2Roles.ADMIN)) {
            audiences.add(SUPPORT_STAFF);
        }
        if (actor.hasRole(Ws2Roles.ADMIN)) {
            audiences.add(ADMINS);
        }
        return List.copyOf(audiences);
    }

    private Audiences() {
    }
}
