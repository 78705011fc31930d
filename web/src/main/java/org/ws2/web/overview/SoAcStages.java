package org.ws2.web.overview;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.ws2.contracts.Vocabulary;

/**
 * Where each Supporting Organization and Advisory Committee stands, as the Q2 2021 update tells it ("ALAC –
 * has reviewed recs"): the reporting service's stage line of every group ({@code /api/reports/groups}, one
 * read whatever the number of groups), kept for the SOs and ACs, Supporting Organizations first. The stage
 * sentence is the reporting service's own (the shared {@code GroupStageRule}), never worked out again here.
 */
record SoAcStages(List<Line> lines) {

    /** The kinds the overview speaks of, in the order it lists them. */
    static final List<String> KINDS = List.of("SO", "AC");

    /**
     * One group's line.
     *
     * @param stage the API's stage constant, for selectors ({@code data-stage}); people read {@code what}
     * @param what  the stage in the update's words, without the group's name and the full stop
     */
    record Line(String groupId, String name, String stage, String what, int assignments, int awaitingSignOff,
            int signedOff) {
    }

    @SuppressWarnings("unchecked")
    static SoAcStages of(Map<String, Object> report) {
        List<Map<String, Object>> groups = report.get("groups") instanceof List<?> list
                ? (List<Map<String, Object>>) list : List.of();
        List<Line> lines = groups.stream()
                .filter(g -> KINDS.contains(String.valueOf(g.get("kind"))))
                .sorted(Comparator.comparingInt(g -> KINDS.indexOf(String.valueOf(g.get("kind")))))
                .map(SoAcStages::line)
                .toList();
        return new SoAcStages(lines);
    }

    private static Line line(Map<String, Object> g) {
        String id = String.valueOf(g.get("groupId"));
        String name = g.get("name") == null ? id : g.get("name").toString();
        Object stage = g.get("stage");
        Map<?, ?> counts = g.get("counts") instanceof Map<?, ?> m ? m : Map.of();
        return new Line(id, name, stage == null ? null : stage.toString(), what(name, g.get("sentence"), stage),
                count(counts, "assignments"), count(counts, "signOffRequested"), count(counts, "signedOff"));
    }

    /** "At-Large Advisory Committee – has reviewed recs." → "has reviewed recs": the page names the group itself, as a link. */
    static String what(String name, Object sentence, Object stage) {
        if (sentence == null || sentence.toString().isBlank()) {
            return Vocabulary.words(stage);
        }
        String what = sentence.toString().strip();
        String prefix = name + " – ";
        if (what.startsWith(prefix)) {
            what = what.substring(prefix.length());
        }
        return what.endsWith(".") ? what.substring(0, what.length() - 1) : what;
    }

    private static int count(Map<?, ?> counts, String name) {
        return counts.get(name) instanceof Number n ? n.intValue() : 0;
    }
}
