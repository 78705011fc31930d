package org.ws2.groups.group;

import static org.ws2.service.problem.InputRules.blankToNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.ChangedFields;
import org.ws2.contracts.EventFamily;
import org.ws2.contracts.group.GroupEvent;
import org.ws2.contracts.group.GroupEvents;
import org.ws2.service.changes.ChangeEntry;
import org.ws2.service.changes.ChangeLog;
import org.ws2.contracts.group.GroupEvents.Contact;
import org.ws2.contracts.group.GroupEvents.Member;
import org.ws2.contracts.group.GroupKind;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.versioning.ChangeTime;

/**
 * Creates, edits and retires groups. Each change stores the group, its history entry and its event
 * on {@code ws2.groups.v1} in one transaction.
 */
@Service
@RequiredArgsConstructor
public class GroupEditing {

    /** What an update replaces ({@link GroupRequests.Fields}), as an updated event names it. */
    private static final List<String> EDITABLE = List.of("name", "kind", "parent", "source", "note", "contacts",
            "members");

    private final GroupRepository groups;
    private final ChangeLog changeLog;

    @Transactional
    public Group create(GroupRequests.Create request, String actor) {
        Group created = group(request.id(), request, 0);
        checkParent(created.id(), created.parent());
        if (!register(created, actor, "created")) {
            throw new ApiProblem(HttpStatus.CONFLICT, "group-exists", "Group exists",
                    "There is already a group with id '" + request.id() + "'.").with("field", "id");
        }
        return created;
    }

    /** Stores a new group with its event; false, and nothing written, if the id is taken. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean register(Group group, String actor, String note) {
        if (!groups.insertIfAbsent(group)) {
            return false;
        }
        changeLog.record(new GroupEvents.Registered(group.id(), group.version(), actor, group.updatedAt(),
                group.snapshot()), actor, note);
        return true;
    }

    @Transactional
    public Group update(String id, GroupRequests.Update request, long expectedVersion, String actor) {
        Group current = lock(id, expectedVersion);
        Group updated = group(id, request, current.version() + 1);
        if (!Objects.equals(updated.parent(), current.parent())) {
            checkParent(id, updated.parent());
        }
        List<String> changed = ChangedFields.between(current, updated, EDITABLE);
        if (changed.isEmpty()) {
            return current;
        }
        String note = blankToNull(request.changeNote());
        return commit(updated, new GroupEvents.Updated(id, updated.version(), actor, updated.updatedAt(), changed,
                note, updated.snapshot()), actor, note == null ? "changed " + String.join(", ", changed) : note);
    }

    @Transactional
    public Group retire(String id, String reason, Long expectedVersion, String actor) {
        Group current = lock(id, expectedVersion);
        Group retired = new Group(id, current.name(), current.kind(), current.parent(), current.source(),
                current.note(), current.contacts(), current.members(), true, reason.strip(), current.version() + 1,
                ChangeTime.now());
        return commit(retired, new GroupEvents.Retired(id, retired.version(), actor, retired.updatedAt(),
                reason.strip(), retired.snapshot()), actor, reason);
    }

    private Group lock(String id, Long expectedVersion) {
        Group current = changeLog.lock(groups.findForUpdate(id), expectedVersion, () -> ApiProblem.notFound("Group", id));
        if (current.retired()) {
            throw retired(id);
        }
        return current;
    }

    /** Stores {@code after}, read with {@link #lock}, and records {@code event}, the change that made it. */
    private Group commit(Group after, GroupEvent event, String actor, String note) {
        groups.update(after);
        changeLog.record(event, actor, note);
        return after;
    }

    /** Every change of one group, oldest first. */
    public List<ChangeEntry> history(String id) {
        return changeLog.history(EventFamily.GROUPS, id);
    }

    public static ApiProblem retired(String id) {
        return new ApiProblem(HttpStatus.CONFLICT, "group-retired", "Group retired",
                "Group " + id + " was retired and takes no changes or new work.").with("groupId", id);
    }

    /** The active group {@code id} as a create or an update gives it, its members checked. */
    private Group group(String id, GroupRequests.Fields request, long version) {
        List<Member> members = members(id, request.kind(), request.members());
        return new Group(id, request.name().strip(), request.kind(), blankToNull(request.parent()),
                blankToNull(request.source()), blankToNull(request.note()), contacts(request.contacts()), members,
                false, null, version, ChangeTime.now());
    }

    /**
     * A parent is another group or an umbrella some group already names (e.g. "ICANN org"); a group
     * can never end up above itself.
     */
    private void checkParent(String id, String parent) {
        if (parent == null) {
            return;
        }
        if (groups.findById(parent).isEmpty() && !groups.isUsedAsParent(parent)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-parent", "Unknown parent",
                    "'" + parent + "' is neither a group nor an umbrella any group belongs to.").with("field", "parent");
        }
        String above = parent;
        for (int depth = 0; above != null && depth < 50; depth++) {
            if (above.equals(id)) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "parent-cycle", "Parent cycle",
                        "Group " + id + " cannot sit under " + parent + ", which is itself under " + id + ".")
                        .with("field", "parent");
            }
            above = groups.findById(above).map(Group::parent).orElse(null);
        }
    }

    /** Only a cross-community structure has members, and each represents an existing other group. */
    private List<Member> members(String id, GroupKind kind, List<GroupRequests.MemberRequest> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        if (kind != GroupKind.CROSS_COMMUNITY) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "members-not-allowed", "Members not allowed",
                    "Only a CROSS_COMMUNITY group has members representing other groups; " + id + " is " + kind
                            + ".").with("field", "members");
        }
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            GroupRequests.MemberRequest member = requested.get(i);
            if (member.groupId().equals(id) || groups.findById(member.groupId()).isEmpty()) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-group", "Unknown group",
                        "Member " + member.name() + " must represent another existing group, not '"
                                + member.groupId() + "'.").with("field", "members[" + i + "].groupId");
            }
            members.add(new Member(member.groupId(), member.name().strip(), blankToNull(member.email()),
                    member.role()));
        }
        return members;
    }

    private static List<Contact> contacts(List<GroupRequests.ContactRequest> requested) {
        if (requested == null) {
            return List.of();
        }
        return requested.stream()
                .map(c -> new Contact(c.name().strip(), blankToNull(c.email()), c.role()))
                .toList();
    }
}
