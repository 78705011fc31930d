package org.ws2.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.contracts.CheckedInSchemas.schema;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ws2.contracts.assignment.AssignmentEvents;
import org.ws2.contracts.assignment.AssignmentEvents.AssignmentSnapshot;
import org.ws2.contracts.assignment.Effort;
import org.ws2.contracts.assignment.Priority;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.contracts.assignment.Urgency;
import org.ws2.contracts.group.GroupEvents;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the public topics carry (docs/visibility.md): for every event record, the public copy has no
 * e-mail address, no actor or other token {@code sub}, no comment, no draft priority and no
 * not-applicable reason before sign-off; it still fits the type's JSON Schema and decodes; the full
 * event (for the internal topic) is left whole.
 */
class PublicDataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventCodec CODEC = new EventCodec(JSON);

    private static final List<String> NAMES_AND_ADDRESSES = List.of("actor", "author", "createdBy", "updatedBy",
            "removedBy", "email");

    static Stream<Ws2Event> samples() {
        List<Ws2Event> all = new ArrayList<>(SampleEvents.all());
        all.add(draftPrioritized());
        all.add(new GroupEvents.Updated("SOAC-LRT", 2, "support-1", SampleEvents.AT, List.of("members"), null,
                new GroupEvents.GroupSnapshot("SOAC-LRT", "SO/AC leadership roundtable",
                        org.ws2.contracts.group.GroupKind.CROSS_COMMUNITY, null, null, null, List.of(),
                        List.of(new GroupEvents.Member("ALAC", "Mo Member", "mo@alac.example",
                                GroupEvents.MemberRole.MEMBER)), false, null, 2, SampleEvents.AT)));
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void thePublicCopyCarriesPublishedDataOnly(Ws2Event event) throws IOException {
        CloudEvent full = CODEC.toCloudEvent(event, Instant.now());
        String before = full.data().toString();

        CloudEvent published = PublicData.publicCopy(full);
        JsonNode data = published.data();

        for (String name : NAMES_AND_ADDRESSES) {
            assertThat(data.findValues(name)).as(name).allSatisfy(value -> assertThat(value.isNull()).isTrue());
        }
        assertThat(data.findValues("comment")).as("comment").allSatisfy(value -> assertThat(value.isNull()).isTrue());
        for (JsonNode assignment : data.findParents("priorityDraft")) {
            if (assignment.path("priorityDraft").asBoolean()) {
                assertThat(assignment.path("priority").isNull()).as("draft priority").isTrue();
                assertThat(assignment.path("effort").isNull()).as("draft effort").isTrue();
                assertThat(assignment.path("urgency").isNull()).as("draft urgency").isTrue();
                assertThat(assignment.path("notApplicableReason").isNull()).as("draft reason").isTrue();
            }
        }
        assertThat(data.toString()).doesNotContain("@alac.example").doesNotContain("Which working groups?");

        assertThat(published.id()).isEqualTo(full.id());
        assertThat(full.data().toString()).as("the full event is left whole").isEqualTo(before);
        assertThat(schema(EventTypes.schemaResource(event.type())).validate(JSON.readTree(CODEC.write(published))
                .path("data"))).isEmpty();
        assertThat(CODEC.decode(CODEC.read(CODEC.write(published)))).isPresent();
    }

    @Test
    void approvedPrioritiesAndNamesOfContactsArePublished() {
        JsonNode group = PublicData.publicData(JSON.valueToTree(SampleEvents.GROUP));
        assertThat(group.path("contacts").get(0).path("name").asString()).isEqualTo("Chair of ALAC");
        assertThat(group.path("contacts").get(0).path("role").asString()).isEqualTo("CHAIR");

        JsonNode assignment = PublicData.publicData(JSON.valueToTree(SampleEvents.ASSIGNMENT));
        assertThat(assignment.path("priority").asString()).isEqualTo("HIGH");
        assertThat(assignment.path("effort").asString()).isEqualTo("MODERATE");
        assertThat(assignment.path("commentCount").asInt()).isEqualTo(2);
    }

    private static Ws2Event draftPrioritized() {
        AssignmentSnapshot a = SampleEvents.ASSIGNMENT;
        AssignmentSnapshot draft = new AssignmentSnapshot(a.id(), a.groupId(), a.recommendationId(),
                a.recommendationTitle(), a.topic(), a.applicabilityNote(), TriageState.SIGNED_OFF,
                Priority.NOT_APPLICABLE, Effort.MINIMAL, Urgency.LOW, true, "ALAC has no such working groups",
                a.progress(), a.progressNote(), a.evidenceUrl(), a.commentCount(), a.version() + 1, a.createdBy(),
                a.createdAt(), "alac-editor", a.updatedAt());
        return new AssignmentEvents.Prioritized(a.groupId(), a.recommendationId(), draft.version(), "alac-editor",
                SampleEvents.AT, "first pass", draft);
    }
}
