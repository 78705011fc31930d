package org.ws2.groups.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ws2.contracts.group.GroupKind;

class GroupTest {

    @Test
    void displayOrderIsBoardThenCommunityThenOrgEachByName() {
        Group orgIt = group("ORG-IT", "Information Technology", GroupKind.ORG_FUNCTION);
        Group gnso = group("GNSO", "Generic Names Supporting Organization", GroupKind.SO);
        Group aso = group("ASO", "Address Supporting Organization", GroupKind.SO);
        Group council = group("GNSO-Council", "GNSO Council", GroupKind.SO);
        Group board = group("BOARD", "ICANN Board of Directors", GroupKind.BOARD);
        Group alac = group("ALAC", "At-Large Advisory Committee", GroupKind.AC);

        List<Group> sorted = List.of(orgIt, gnso, council, alac, board, aso).stream().sorted(Group.DISPLAY_ORDER)
                .toList();

        // Name order ignores case: "Generic..." comes before "GNSO Council".
        assertThat(sorted).containsExactly(board, aso, gnso, council, alac, orgIt);
    }

    private static Group group(String id, String name, GroupKind kind) {
        return new Group(id, name, kind, null, "test", null, List.of(), List.of(), false, null, 0, null);
    }
}
