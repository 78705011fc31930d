package org.ws2.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.contracts.CheckedInSchemas.schema;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.Programmes;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.contracts.recommendation.RecommendationSnapshot;
import org.ws2.contracts.recommendation.RecommendationStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Another review's recommendations beside WS2's: their ids, their order, and their events. */
class ProgrammesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventCodec CODEC = new EventCodec(JSON);
    private static final Instant AT = Instant.parse("2021-05-07T14:00:00Z");

    @Test
    void wS2IdsAreTheirNumbersAndAnotherProgrammesCarryItsCode() {
        assertThat(Programmes.id(Programmes.WS2, "1.1")).isEqualTo("1.1");
        assertThat(Programmes.id("ATRT3", "1.1")).isEqualTo("ATRT3-1.1");
        assertThat(Programmes.of("6.1.2")).isEqualTo("WS2");
        assertThat(Programmes.of("ATRT3-1.1")).isEqualTo("ATRT3");
        assertThat(Programmes.number("ATRT3-1.1")).isEqualTo("1.1");
        assertThat(Programmes.number("6.1.2")).isEqualTo("6.1.2");
    }

    @Test
    void theOrderIsWs2FirstThenEachProgrammeByCodeEachInNumberingOrder() {
        List<String> shuffled = List.of("ATRT3-10.1", "CCT-1.1", "1.10", "ATRT3-2.1", "1.9", "8.1.2", "ATRT3-1.1");
        assertThat(shuffled.stream().sorted(Programmes.BY_ID).toList())
                .containsExactly("1.9", "1.10", "8.1.2", "ATRT3-1.1", "ATRT3-2.1", "ATRT3-10.1", "CCT-1.1");
    }

    @Test
    void anotherProgrammesRecommendationTravelsInEventsTheSchemasAllow() throws IOException {
        var snapshot = new RecommendationSnapshot("ATRT3-1.1", "ATRT3-1", "Public comment", "Improve public comment",
                "", Ownership.ORG, List.of(), List.of(), null, List.of(), null, null, RecommendationStatus.NOT_STARTED,
                CoordinationLevel.NONE, null, List.of("ATRT3-1.2"), 0, false, null, 0, AT, AT, "ATRT3");
        var registered = new RecommendationEvents.Registered("ATRT3-1.1", "Public comment", "Improve public comment",
                RecommendationStatus.NOT_STARTED, 0, "sam.support", snapshot);

        String written = CODEC.write(registered, AT);
        JsonNode tree = JSON.readTree(written);
        assertThat(schema(EventTypes.schemaResource(RecommendationEvents.REGISTERED)).validate(tree.path("data"))).isEmpty();
        assertThat(CODEC.decode(CODEC.read(written))).contains(registered);
    }

    @Test
    void anEventWithoutAProgrammeIsWs2s() throws IOException {
        JsonNode tree = JSON.readTree(CODEC.write(SampleEvents.all().get(0), AT));
        ((ObjectNode) tree.path("data").path("recommendation")).remove("programme");
        assertThat(schema(EventTypes.schemaResource(RecommendationEvents.REGISTERED)).validate(tree.path("data"))).isEmpty();

        var decoded = (RecommendationEvents.Registered) CODEC.decode(CODEC.read(JSON.writeValueAsString(tree))).orElseThrow();
        assertThat(decoded.recommendation().programme()).isNull();
        assertThat(Programmes.of(decoded.recommendation())).isEqualTo(Programmes.WS2);
    }

    @Test
    void aProgrammeCodeThatIsNotUpperCaseLettersAndDigitsIsRefused() throws IOException {
        JsonNode tree = JSON.readTree(CODEC.write(SampleEvents.all().get(0), AT));
        ((ObjectNode) tree.path("data").path("recommendation")).put("programme", "atrt 3");
        assertThat(schema(EventTypes.schemaResource(RecommendationEvents.REGISTERED)).validate(tree.path("data"))).isNotEmpty();
    }
}
