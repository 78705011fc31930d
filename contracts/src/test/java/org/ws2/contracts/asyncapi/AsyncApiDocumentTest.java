package org.ws2.contracts.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ws2.contracts.EventTypes;
import org.ws2.contracts.Topics;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code docs/asyncapi.yaml} is what outside consumers generate clients from, so it must be a valid
 * AsyncAPI 3.0.0 document (checked against the official JSON Schema from the npm package
 * {@code @asyncapi/specs}, see ADR 0015), every {@code $ref} in it and in the schemas it names must
 * resolve, and it must list exactly the topics and event types the system has.
 */
class AsyncApiDocumentTest {

    static final Path REPO = Path.of("").toAbsolutePath().getParent();
    static final Path DOCUMENT = REPO.resolve("docs/asyncapi.yaml");
    static final Path SCHEMAS = REPO.resolve("contracts/src/main/resources").resolve(EventTypes.SCHEMA_RESOURCE_DIR);
    static final YAMLMapper YAML = YAMLMapper.builder().build();
    /** The AsyncAPI 3.0.0 JSON Schema (draft-07), with every definition it uses embedded by $id. */
    static final Schema ASYNCAPI_3_0_0 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(SchemaLocation.of("classpath:asyncapi/asyncapi-3.0.0.schema.json"));

    @Test
    void isAValidAsyncApi300Document() throws IOException {
        assertThat(ASYNCAPI_3_0_0.validate(document())).isEmpty();
    }

    @Test
    void everyReferenceResolvesFromAClone() throws IOException {
        assertThat(AsyncApiReferences.unresolvable(document(), DOCUMENT)).isEmpty();
    }

    /** The public event stream (SSE through the gateway) is a channel too, but not a Kafka topic. */
    static final String EVENT_STREAM = "/api/events/stream";

    @Test
    void listsEveryTopicThatExistsAndNoOther() throws IOException {
        Set<String> addresses = document().path("channels").valueStream().map(channel -> channel.path("address").asString())
                .filter(address -> !address.equals(EVENT_STREAM))
                .collect(Collectors.toSet());

        // ws2.recommendations.v1 is the only topic consumed inside the system, hence the only dead-letter topic
        assertThat(addresses).containsExactlyInAnyOrder(Topics.RECOMMENDATIONS, Topics.deadLetter(Topics.RECOMMENDATIONS),
                Topics.ENGAGEMENTS, Topics.GROUPS, Topics.ASSIGNMENTS, Topics.REPORTS);
    }

    @Test
    void listsEveryEventTypeOnceOnItsFamilysTopicWithItsSchema() throws IOException {
        JsonNode document = document();
        List<String> types;
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            types = files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("org.ws2."))
                    .map(name -> name.substring(0, name.length() - ".json".length())).sorted().toList();
        }
        assertThat(types).hasSizeGreaterThanOrEqualTo(20);

        Map<String, String> channelOfType = new TreeMap<>();
        document.path("channels").valueStream().filter(channel -> !channel.path("address").asString().equals(EVENT_STREAM))
                .forEach(channel -> channel.path("messages").forEach(message -> {
            JsonNode resolved = document.at(message.path("$ref").asString().substring(1));
            channelOfType.merge(resolved.path("name").asString(), channel.path("address").asString(), (a, b) -> a + "," + b);
        }));
        assertThat(channelOfType.keySet()).containsExactlyElementsOf(types);

        for (String type : types) {
            String family = type.split("\\.")[2];
            assertThat(channelOfType.get(type)).as(type).isEqualTo("ws2." + family + "s.v1");
            JsonNode message = document.path("components").path("messages").valueStream()
                    .filter(m -> m.path("name").asString().equals(type)).findFirst().orElseThrow();
            List<JsonNode> parts = new ArrayList<>();
            message.path("payload").path("allOf").forEach(parts::add);
            assertThat(parts.get(0).path("$ref").asString()).as(type).endsWith("/ws2/schemas/cloudevent.json");
            assertThat(parts.get(1).at("/properties/type/const").asString()).as(type).isEqualTo(type);
            assertThat(parts.get(1).at("/properties/data/$ref").asString()).as(type).endsWith("/ws2/schemas/" + type + ".json");
        }
    }

    @Test
    void aBrokenReferenceFailsTheCheck() throws IOException {
        String text = Files.readString(DOCUMENT)
                .replace("org.ws2.group.retired.v1.json'", "org.ws2.group.retyred.v1.json'")
                .replace("$ref: '#/components/messages/groupUpdated'", "$ref: '#/components/messages/groupUpdate'");
        assertThat(text).isNotEqualTo(Files.readString(DOCUMENT));

        List<String> problems = AsyncApiReferences.unresolvable(YAML.readTree(text), DOCUMENT);

        // the broken message reference stands in the topic's channel and in the event stream's
        assertThat(problems).hasSize(3);
        assertThat(problems).anySatisfy(problem -> assertThat(problem).contains("org.ws2.group.retyred.v1.json", "does not exist"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem).contains("#/components/messages/groupUpdate", "points at nothing"));
    }

    @Test
    void aSchemaThatRefersByUrnFailsTheCheck(@TempDir Path copy) throws IOException {
        // the state issue 13 started from: schemas referring to each other by $id, which plain resolvers cannot follow
        Files.writeString(copy.resolve("event.json"), """
                {"$id":"urn:ws2:schema:event","type":"object",
                 "properties":{"recommendation":{"$ref":"urn:ws2:schema:recommendation-snapshot"}}}""");
        Files.writeString(copy.resolve("asyncapi.yaml"), """
                asyncapi: 3.0.0
                info: {title: t, version: '1'}
                components:
                  messages:
                    event:
                      payload:
                        $ref: 'event.json'
                """);

        List<String> problems = AsyncApiReferences.unresolvable(YAML.readTree(Files.readString(copy.resolve("asyncapi.yaml"))),
                copy.resolve("asyncapi.yaml"));

        assertThat(problems).singleElement().asString().contains("urn:ws2:schema:recommendation-snapshot", "not a relative reference");
    }

    @Test
    void aDocumentBreakingTheAsyncApiSchemaFailsValidation() throws IOException {
        // deep in the document: AsyncAPI 2's "publish" is no operation action in 3.0
        String text = Files.readString(DOCUMENT).replaceFirst("action: send", "action: publish");

        List<Error> errors = ASYNCAPI_3_0_0.validate(YAML.readTree(text));

        assertThat(errors).isNotEmpty();
        assertThat(errors.toString()).contains("/operations/publishRecommendationEvents/action");
    }

    private static JsonNode document() throws IOException {
        return YAML.readTree(Files.readString(DOCUMENT));
    }
}
