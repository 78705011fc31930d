package org.ws2.web.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AssignmentTimelineTest {

    @Test
    void aStepWithoutItsActorStillReadsAsASentence() {
        assertThat(AssignmentTimeline.step(entry("commented", null, null, "2021-06-28T09:30:00Z")))
                .isEqualTo(new AssignmentTimeline.Step("Comment added on 28 June 2021", "2021-06-28T09:30:00Z", null));
    }

    @Test
    void aStepWithItsActorNamesThem() {
        assertThat(AssignmentTimeline.step(entry("sign-off-requested", "sam.support", "Please review", "2021-06-28T00:00:00Z")).sentence())
                .isEqualTo("Sign-off requested by sam.support on 28 June 2021");
    }

    @Test
    void aKindThePageDoesNotKnowReadsAsItself() {
        assertThat(AssignmentTimeline.step(entry("re-opened", null, null, "2022-01-05T12:00:00Z")).sentence())
                .isEqualTo("Re opened on 5 January 2022");
    }

    @Test
    void theNewestStepComesFirst() {
        List<AssignmentTimeline.Step> steps = AssignmentTimeline.newestFirst(List.of(
                entry("triaged", null, null, "2021-05-01T00:00:00Z"),
                entry("signed-off", null, null, "2021-07-01T00:00:00Z")));
        assertThat(steps).extracting(AssignmentTimeline.Step::sentence)
                .containsExactly("Signed off on 1 July 2021", "Triaged to the group on 1 May 2021");
    }

    private static Map<String, Object> entry(String kind, String actor, String note, String at) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("kind", kind);
        entry.put("actor", actor);
        entry.put("note", note);
        entry.put("at", at);
        return entry;
    }
}
