package org.ws2.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ws2.contracts.CheckedInSchemas.schema;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ws2.contracts.assignment.AssignmentEvent;
import org.ws2.contracts.assignment.AssignmentEvents;
import org.ws2.contracts.engagement.EngagementEvents;
import org.ws2.contracts.engagement.EngagementEvents.EngagementSnapshot;
import org.ws2.contracts.recommendation.RecommendationEvent;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.contracts.report.ReportEvents;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every event record of every family goes through the codec and back unchanged, and what the codec
 * writes is what the checked-in JSON Schemas allow.
 */
class EventCodecTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventCodec CODEC = new EventCodec(JSON);

    static Stream<Ws2Event> samples() {
        return SampleEvents.all().stream();
    }

    @Test
    void thereIsASampleOfEveryRecordOfEveryFamily() {
        Set<Class<?>> sampled = SampleEvents.all().stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> declared = Arrays.stream(EventFamily.values()).flatMap(f -> f.types().values().stream())
                .collect(Collectors.toSet());
        assertThat(sampled).isEqualTo(declared);
        assertThat(declared).hasSize(22);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void roundTripsThroughTheCodec(Ws2Event event) {
        Instant recordedAt = Instant.parse("2026-11-30T10:00:00Z");
        String written = CODEC.write(event, recordedAt);

        CloudEvent envelope = CODEC.read(written);
        assertThat(envelope.type()).isEqualTo(event.type());
        assertThat(envelope.subject()).isEqualTo(event.subject());
        assertThat(envelope.aggregateversion()).isEqualTo(event.aggregateVersion());
        assertThat(envelope.time()).isEqualTo(event.effectiveAt());
        assertThat(envelope.recordedat()).isEqualTo(recordedAt);
        assertThat(envelope.source()).isEqualTo(EventFamily.of(event).source());
        assertThat(CODEC.decode(envelope)).contains(event);
        assertThat(CODEC.decode(envelope, EventFamily.of(event).eventInterface()).map(Ws2Event.class::cast))
                .contains(event);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void writesWhatTheSchemasAllow(Ws2Event event) throws IOException {
        JsonNode written = JSON.readTree(CODEC.write(event, Instant.now()));

        assertThat(schema(EventTypes.ENVELOPE_SCHEMA_RESOURCE).validate(written)).isEmpty();
        assertThat(schema(EventTypes.schemaResource(event.type())).validate(written.path("data"))).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesADataFieldTheSchemaDoesNotKnow() throws IOException {
        JsonNode written = JSON.readTree(CODEC.write(SampleEvents.all().get(0), Instant.now()));
        var data = (ObjectNode) written.path("data");
        data.put("smuggled", "x");
        assertThat(schema(EventTypes.schemaResource(RecommendationEvents.REGISTERED)).validate(data)).isNotEmpty();
    }

    static Stream<Arguments> eventsWrittenBeforeLaterFields() {
        EngagementSnapshot e = SampleEvents.ENGAGEMENT;
        var engagement = new EngagementEvents.Recorded(e.id(), 1, "support-1", SampleEvents.AT, e);
        var beforeMeetingAndGroups = new EngagementEvents.Recorded(e.id(), 1, "support-1", SampleEvents.AT,
                new EngagementSnapshot(e.id(), e.kind(), e.title(), e.heldOn(), e.description(), e.links(),
                        e.recommendationIds(), e.removed(), e.version(), e.createdBy(), e.createdAt(), e.updatedBy(),
                        e.updatedAt(), e.removedBy(), e.removedAt()));
        var assignment = new AssignmentEvents.Triaged("ALAC", "6.1.1", 6, "support-1", SampleEvents.AT, null,
                SampleEvents.ASSIGNMENT);
        return Stream.of(
                Arguments.of(engagement, List.of("meeting", "groupIds"), beforeMeetingAndGroups),
                Arguments.of(assignment, List.of("scope", "delegatedTo"), assignment));
    }

    /**
     * Fields that came later ({@code meeting} and {@code groupIds} of an engagement; {@code scope} and
     * {@code delegatedTo} of an assignment, with issue 21): an event written before them is still what the
     * schema allows, and reads as "no meeting, no groups" and "the group's own, handed to nobody".
     */
    @ParameterizedTest
    @MethodSource("eventsWrittenBeforeLaterFields")
    void anEventWrittenBeforeLaterFieldsStillReads(Ws2Event event, List<String> laterFields, Ws2Event readAs)
            throws IOException {
        JsonNode written = JSON.readTree(CODEC.write(event, Instant.now()));
        laterFields.forEach(snapshotOf(event, written.path("data"))::remove);

        assertThat(schema(EventTypes.schemaResource(event.type())).validate(written.path("data"))).isEmpty();
        assertThat(CODEC.decode(CODEC.read(JSON.writeValueAsString(written)))).contains(readAs);
    }

    /**
     * Editions are per programme (issue 21): another programme's is keyed by its code and quarter, so that its
     * versions are its own; an edition event of before programmes names none and is WS2's, keyed as it was.
     */
    @Test
    void anEditionEventNamesItsProgrammeAndOneOfBeforeProgrammesIsWs2s() throws IOException {
        ReportEvents.EditionPublished atrt3 = SampleEvents.atrt3Edition();
        JsonNode atrt3Written = JSON.readTree(CODEC.write(atrt3, Instant.now()));
        assertThat(schema(EventTypes.schemaResource(atrt3.type())).validate(atrt3Written.path("data"))).isEmpty();
        assertThat(atrt3Written.path("subject").asString()).isEqualTo("ATRT3-2021-Q2");

        Ws2Event ws2 = SampleEvents.all().get(SampleEvents.all().size() - 1);
        JsonNode written = JSON.readTree(CODEC.write(ws2, Instant.now()));
        assertThat(written.path("subject").asString()).isEqualTo("2021-Q2");
        ((ObjectNode) written.path("data")).remove("programme");
        assertThat(schema(EventTypes.schemaResource(ws2.type())).validate(written.path("data"))).isEmpty();
        var before = (ReportEvents.EditionPublished) CODEC.decode(CODEC.read(JSON.writeValueAsString(written)))
                .orElseThrow();
        assertThat(before.programme()).isNull();
        assertThat(before.programmeOrWs2()).isEqualTo("WS2");
        assertThat(before.subject()).isEqualTo("2021-Q2");
    }

    static Stream<Arguments> valuesTheSchemasRefuse() {
        return Stream.of(
                // a scope is one of three; a child group is named once, in a group id's shape
                Arguments.of(new AssignmentEvents.Triaged("GNSO-Council", "1.1", 2, "support-1", SampleEvents.AT,
                        null, SampleEvents.DELEGATED), List.of("{\"scope\":\"SOMEONE\"}",
                        "{\"delegatedTo\":[\"RySG\",\"RySG\"]}", "{\"delegatedTo\":[\"1-bad\"]}")),
                // an ICANN public meeting is "ICANN" and its number; group ids have the groups' own shape, each once
                Arguments.of(new EngagementEvents.Recorded(SampleEvents.ENGAGEMENT.id(), 1, "support-1",
                        SampleEvents.AT, SampleEvents.ENGAGEMENT), List.of("{\"meeting\":\"ICANN 71\"}",
                        "{\"meeting\":\"The Hague\"}", "{\"groupIds\":[\"ALAC\",\"ALAC\"]}",
                        "{\"groupIds\":[\"1-bad\"]}", "{\"groupIds\":null}")));
    }

    @ParameterizedTest
    @MethodSource("valuesTheSchemasRefuse")
    void theSchemasKnowTheShapeOfLaterFields(Ws2Event event, List<String> badValues) throws IOException {
        var schema = schema(EventTypes.schemaResource(event.type()));
        for (String bad : badValues) {
            JsonNode data = JSON.readTree(CODEC.write(event, Instant.now())).path("data");
            snapshotOf(event, data).setAll((ObjectNode) JSON.readTree(bad));
            assertThat(schema.validate(data)).as(bad).isNotEmpty();
        }
    }

    /** The event's snapshot, which its data carries under the aggregate's name ({@code assignment}, ...). */
    private static ObjectNode snapshotOf(Ws2Event event, JsonNode data) {
        return (ObjectNode) data.path(EventFamily.of(event).aggregate());
    }

    @Test
    void anUnknownTypeIsAnEmptyDecodeNotAFailure() {
        String written = CODEC.write(SampleEvents.all().get(1), Instant.now())
                .replace(RecommendationEvents.STATUS_CHANGED, "org.ws2.recommendation.split.v1");
        CloudEvent envelope = CODEC.read(written);
        assertThat(CODEC.decode(envelope)).isEmpty();
        assertThat(CODEC.decode(envelope, RecommendationEvent.class)).isEmpty();
    }

    @Test
    void malformedRecordsArePoison() {
        assertThatThrownBy(() -> CODEC.read("not json")).isInstanceOf(UnreadableEventException.class);
        String wrongData = CODEC.write(SampleEvents.all().get(1), Instant.now())
                .replaceFirst("\"to\":\"PLANNING\"", "\"to\":\"SOMEWHERE\"");
        assertThatThrownBy(() -> CODEC.decode(CODEC.read(wrongData))).isInstanceOf(UnreadableEventException.class);
        String otherFamily = CODEC.write(SampleEvents.all().get(1), Instant.now());
        assertThatThrownBy(() -> CODEC.decode(CODEC.read(otherFamily), AssignmentEvent.class))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void eachFamilyNamesItsTopicAndItsTypesFollowTheFamilysAggregate() {
        for (EventFamily family : EventFamily.values()) {
            assertThat(family.topic()).isEqualTo("ws2." + family.aggregate() + "s.v1");
            assertThat(family.types().keySet()).allSatisfy(type ->
                    assertThat(type).startsWith("org.ws2." + family.aggregate() + "."));
        }
        assertThat(List.of(EventFamily.values()).stream().map(EventFamily::topic))
                .containsExactlyInAnyOrder(Topics.RECOMMENDATIONS, Topics.GROUPS, Topics.ASSIGNMENTS, Topics.ENGAGEMENTS,
                        Topics.REPORTS);
    }
}
