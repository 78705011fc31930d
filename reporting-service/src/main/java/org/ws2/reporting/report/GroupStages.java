package org.ws2.reporting.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ws2.contracts.assignment.GroupStageRule;
import org.ws2.contracts.assignment.GroupStageRule.Stage;
import org.ws2.contracts.group.GroupKind;
import org.ws2.reporting.picture.Picture;
import org.ws2.reporting.picture.Picture.Assignment;
import org.ws2.reporting.report.ReportModels.GroupLine;
import org.ws2.reporting.report.ReportModels.SoacLine;
import org.ws2.reporting.report.ReportModels.StageCounts;

/**
 * Each group's stage in the Q2 2021 update's words, with the counts behind it, and the deck's "SO/AC work". A
 * share a group handed down to its child groups is theirs (issue 21): the group's stage and counts leave it out
 * and its sentence says it ("GNSO Council – handed 1.1, 6.1.4 to its stakeholder groups and constituencies").
 */
final class GroupStages {

    private GroupStages() {
    }

    static List<GroupLine> groupLines(Picture p) {
        Map<String, List<Assignment>> byGroup = p.assignmentsByGroup();
        Map<String, Picture.Group> groups = p.groupsById();
        Function<String, GroupKind> kindOf = id -> groups.containsKey(id) ? groups.get(id).kind() : null;
        return p.groups().stream().map(g -> {
            List<Assignment> assignments = byGroup.getOrDefault(g.id(), List.of());
            // a share handed down is the children's: not in the group's stage nor its counts, but in its sentence
            Stage stage = GroupStageRule.derive(assignments);
            StageCounts counts = StageCounts.of(assignments);
            String sentence = g.name() + " – " + GroupStageRule.sentence(stage,
                    counts.prioritiesApproved() + counts.prioritiesDraft() > 0, counts.prioritiesDraft() > 0,
                    assignments, kindOf) + ".";
            return new GroupLine(g.id(), g.name(), g.kind(), g.parent(), stage, sentence, counts);
        }).toList();
    }

    /**
     * The deck's "SO/AC work": every SO, AC and cross-community group with work triaged to it on a line
     * of its own; GNSO stakeholder groups and constituencies (and RALOs) together, one line per stage,
     * as the deck speaks of "GNSO Groups".
     */
    static List<SoacLine> soacWork(Picture p) {
        List<GroupLine> lines = groupLines(p).stream()
                .filter(g -> g.stage() != Stage.NOT_STARTED || g.counts().handedDown() > 0)
                .filter(g -> g.kind() != GroupKind.ORG_FUNCTION && g.kind() != GroupKind.BOARD)
                .toList();
        List<SoacLine> result = new ArrayList<>();
        Map<String, List<GroupLine>> together = new LinkedHashMap<>();
        for (GroupLine g : lines) {
            String family = switch (g.kind()) {
                case GNSO_SG, GNSO_C -> "GNSO SG/Cs";
                case RALO -> "RALOs";
                default -> null;
            };
            if (family == null) {
                result.add(new SoacLine(shortName(g), List.of(g.groupId()), g.stage(), shortName(g) + " – " + what(g.sentence())));
            } else {
                together.computeIfAbsent(family + "|" + g.stage() + "|" + what(g.sentence()), k -> new ArrayList<>()).add(g);
            }
        }
        together.forEach((key, members) -> {
            String family = key.substring(0, key.indexOf('|'));
            String who = family + " (" + members.stream().map(GroupStages::shortName).collect(Collectors.joining(", ")) + ")";
            String what = what(members.get(0).sentence());
            result.add(new SoacLine(who, members.stream().map(GroupLine::groupId).toList(), members.get(0).stage(),
                    who + " – " + what));
        });
        return result;
    }

    /**
     * The name the deck uses: "ccNSO", "GNSO Council", "RySG". The community groups' ids are their
     * acronyms; their names are spelt out ("Country Code Names Supporting Organization").
     */
    private static String shortName(GroupLine g) {
        return g.groupId().replace('-', ' ');
    }

    private static String what(String sentence) {
        int dash = sentence.indexOf(" – ");
        return dash < 0 ? sentence : sentence.substring(dash + 3);
    }
}
