package org.ws2.reporting.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class PublicEventFilterTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void contactsMembersNamesAndActorsAreWithheld() {
        ObjectNode event = (ObjectNode) json.readTree("""
                {"id":"e1","type":"org.ws2.group.updated.v1","subject":"WS2-CCG","data":{
                  "groupId":"WS2-CCG","actor":"alice","group":{"id":"WS2-CCG","name":"WS2 coordination group",
                    "contacts":[{"name":"Ann Chair","email":"ann@example.org","role":"CHAIR"}],
                    "members":[{"groupId":"ALAC","name":"Bob Rep","email":"bob@example.org","role":"MEMBER"}]}}}""");

        ObjectNode out = PublicEventFilter.publicCopy(event);

        assertThat(out.toString()).doesNotContain("@").doesNotContain("Ann Chair").doesNotContain("Bob Rep")
                .doesNotContain("alice").contains("\"groupId\":\"ALAC\"").contains("WS2 coordination group");
        assertThat(event.toString()).contains("ann@example.org"); // the input is left as it was
    }

    @Test
    void draftPrioritiesAndCommentThreadsAreWithheld() {
        ObjectNode event = (ObjectNode) json.readTree("""
                {"id":"e2","data":{"comment":{"author":"carol","text":"we disagree"},"assignment":{
                  "priority":"LOW","effort":"MINIMAL","urgency":"LOW","priorityDraft":true,
                  "comments":[{"author":"carol","text":"we disagree"}],"createdBy":"staff","triage":"TRIAGED"}}}""");

        ObjectNode out = PublicEventFilter.publicCopy(event);

        assertThat(out.path("data").has("comment")).isFalse();
        assertThat(out.path("data").path("assignment").path("priority").isNull()).isTrue();
        assertThat(out.path("data").path("assignment").has("comments")).isFalse();
        assertThat(out.path("data").path("assignment").has("createdBy")).isFalse();
        assertThat(out.path("data").path("assignment").path("triage").asString()).isEqualTo("TRIAGED");
    }
}
