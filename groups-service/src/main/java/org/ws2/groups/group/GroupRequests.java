package org.ws2.groups.group;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.ws2.contracts.group.GroupEvents.ContactRole;
import org.ws2.contracts.group.GroupEvents.MemberRole;
import org.ws2.contracts.group.GroupKind;

/** The bodies of the group-editing requests, with the limits every field is held to. */
final class GroupRequests {

    static final String ID_PATTERN = "^[A-Za-z][A-Za-z0-9-]{0,49}$";

    record ContactRequest(@NotBlank @Size(max = 200) String name, @Email @Size(max = 320) String email,
            @NotNull ContactRole role) {
    }

    record MemberRequest(@NotBlank @Size(max = 50) String groupId, @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 320) String email, @NotNull MemberRole role) {
    }

    /** What a create and an update both give: every editable field of a group. */
    interface Fields {
        String name();

        GroupKind kind();

        String parent();

        String source();

        String note();

        List<ContactRequest> contacts();

        List<MemberRequest> members();
    }

    record Create(
            @NotBlank @Pattern(regexp = ID_PATTERN, message = "must be letters, digits and dashes, e.g. SOAC-LRT") String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull GroupKind kind,
            @Size(max = 100) String parent,
            @Size(max = 2000) String source,
            @Size(max = 4000) String note,
            @Size(max = 50) List<@Valid @NotNull ContactRequest> contacts,
            @Size(max = 200) List<@Valid @NotNull MemberRequest> members) implements Fields {
    }

    /** Replaces every editable field; what is left out is cleared. */
    record Update(
            @NotBlank @Size(max = 200) String name,
            @NotNull GroupKind kind,
            @Size(max = 100) String parent,
            @Size(max = 2000) String source,
            @Size(max = 4000) String note,
            @Size(max = 50) List<@Valid @NotNull ContactRequest> contacts,
            @Size(max = 200) List<@Valid @NotNull MemberRequest> members,
            @Size(max = 4000) String changeNote) implements Fields {
    }

    record Retire(@NotBlank @Size(max = 4000) String reason) {
    }

    private GroupRequests() {
    }
}
