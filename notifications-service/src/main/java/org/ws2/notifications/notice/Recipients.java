package org.ws2.notifications.notice;

import java.util.ArrayList;
import java.util.List;

import org.ws2.contracts.identity.Ws2Roles;
import org.ws2.service.security.Actor;

/**
 * Who a notice is told to (kept in the notice's {@code audience} column). A notice names one recipient;
 * a token places its bearer among several: themself, the editors of each group its {@code groups}
 * claim names (with role group-editor), and the staff roles it holds.
 */
public final class Recipients {

    public static final String SUPPORT_STAFF = "role:" + Ws2Roles.SUPPORT_STAFF;
    public static final String ADMINS = "role:" + Ws2Roles.ADMIN;

    public static String person(String subject) {
        return "person:" + subject;
    }

    public static String groupEditors(String groupId) {
        return "group-editors:" + groupId;
    }

    /** Every recipient the caller is among. Admins also see what support staff see: they stand in for them. */
    public static List<String> of(Actor actor) {
        List<String> recipients = new ArrayList<>();
        recipients.add(person(actor.name()));
        if (actor.hasRole(Ws2Roles.GROUP_EDITOR)) {
            actor.groups().forEach(group -> recipients.add(groupEditors(group)));
        }
        if (actor.hasRole(Ws2Roles.SUPPORT_STAFF) || actor.hasRole(Ws2Roles.ADMIN)) {
            recipients.add(SUPPORT_STAFF);
        }
        if (actor.hasRole(Ws2Roles.ADMIN)) {
            recipients.add(ADMINS);
        }
        return List.copyOf(recipients);
    }

    private Recipients() {
    }
}
