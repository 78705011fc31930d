package org.ws2.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ws2.contracts.recommendation.RecommendationEvents;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every event type the contracts name has a checked-in JSON Schema that is itself valid. */
class EventSchemaCatalogueTest {

    /** Each family's event class; a new family is added here. */
    private static final List<Class<?>> EVENT_FAMILIES = List.of(RecommendationEvents.class,
            org.ws2.contracts.engagement.EngagementEvents.class,
            org.ws2.contracts.group.GroupEvents.class,
            org.ws2.contracts.assignment.AssignmentEvents.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<String> eventTypes() {
        return EVENT_FAMILIES.stream().flatMap(family -> Arrays.stream(family.getFields()))
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(EventSchemaCatalogueTest::value)
                .filter(value -> value.startsWith("org.ws2."));
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
            String urn = EventTypes.schemaUri("");
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    registry -> registry.schemaIdResolvers(resolvers -> resolvers.mappings(
                            id -> id.startsWith(urn), id -> "classpath:" + EventTypes.SCHEMA_RESOURCE_DIR
                                    // "$ref": "<name>.json" resolves against the URN to urn:ws2:schema:<name>.json
                                    + id.substring(urn.length()).replaceFirst("(\\.json)?$", ".json"))))
                    .getSchema(schema.toString()).initializeValidators();
        }
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
