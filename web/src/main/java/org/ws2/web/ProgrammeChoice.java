package org.ws2.web;

import java.util.List;
import java.util.Map;

import org.ws2.contracts.recommendation.Programmes;

/**
 * Which programme a page shows: WS2, or another review tracked beside it (issue 21). The programmes tracked are
 * the ones the topics name, so a choice is offered only when there is one.
 */
public final class ProgrammeChoice {

    private ProgrammeChoice() {
    }

    /** The programme of an item the API answers (a topic, a recommendation): WS2 when it names none. */
    public static String of(Map<String, ?> item) {
        Object programme = item.get("programme");
        return programme == null ? Programmes.WS2 : programme.toString();
    }

    /** The programmes the topics name, in the API's order (WS2's first). */
    public static List<String> tracked(List<Map<String, Object>> topics) {
        return topics.stream().map(ProgrammeChoice::of).distinct().toList();
    }

    /**
     * The programme asked for by {@code typed}, for a page that always shows one: WS2 when none is asked for, or
     * what is asked for is not a programme's code.
     */
    public static String asked(String typed) {
        String code = typed == null ? "" : typed.strip();
        return Programmes.CODE.matcher(code).matches() ? code : Programmes.WS2;
    }
}
