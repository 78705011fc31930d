package org.ws2.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every event type the contracts name has a checked-in JSON Schema that is itself valid. */
class EventSchemaCatalogueTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every type of every family, and every schema file named after a type: the two lists must agree. */
    static Stream<String> eventTypes() {
        return Arrays.stream(EventFamily.values()).flatMap(family -> family.types().keySet().stream());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void eachEventTypeHasAValidSchemaNamedAfterIt(String type) throws Exception {
        assertThat(type).matches("org\\.ws2\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EventTypes.schemaResource(type))) {
            assertThat(in).as("schema for " + type).isNotNull();
            JsonNode schema = JSON.readTree(in);
            assertThat(schema.path("$id").asString()).isEqualTo(EventTypes.schemaUri(type));
            assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
            CheckedInSchemas.parse(schema.toString()).initializeValidators();
        }
    }

    @Test
    void everyEventSchemaFileBelongsToATypeThatExists() throws Exception {
        Path dir = Path.of(getClass().getClassLoader().getResource(EventTypes.SCHEMA_RESOURCE_DIR).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("org.ws2."))
                    .map(n -> n.substring(0, n.length() - ".json".length())))
                    .containsExactlyInAnyOrderElementsOf(eventTypes().toList());
        }
    }
}
