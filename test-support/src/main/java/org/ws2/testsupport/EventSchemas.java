package org.ws2.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ws2.contracts.EventTypes;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an emitted event against the JSON Schemas checked in to the contracts module: first the
 * CloudEvents envelope, then the schema of the event's own type.
 */
public final class EventSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCHEMA_URN = EventTypes.schemaUri("");
    /**
     * A schema's {@code $id} is {@code urn:ws2:schema:<name>}, its file {@code ws2/schemas/<name>.json}.
     * Schemas refer to each other by file name ({@code "$ref": "<name>.json"}, which plain {@code $ref}
     * resolvers such as the AsyncAPI tools follow as a relative file); against the referring schema's
     * URN that resolves to {@code urn:ws2:schema:<name>.json}, mapped to the same file.
     */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaIdResolvers(resolvers -> resolvers.mappings(
                    id -> id.startsWith(SCHEMA_URN), id -> "classpath:" + EventTypes.schemaResourceOfId(id))));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    /** Throws an {@link AssertionError} listing every violation if {@code eventJson} breaks its contract. */
    public static void assertConforms(String eventJson) {
        JsonNode event = JSON.readTree(eventJson);
        assertValid("envelope", schema(EventTypes.ENVELOPE_SCHEMA_RESOURCE), event, eventJson);
        String type = event.path("type").asString();
        assertValid(type, schema(EventTypes.schemaResource(type)), event.path("data"), eventJson);
    }

    private static void assertValid(String what, Schema schema, JsonNode node, String eventJson) {
        List<Error> errors = schema.validate(node);
        if (!errors.isEmpty()) {
            throw new AssertionError("Event breaks the " + what + " schema: " + errors + "\nevent: " + eventJson);
        }
    }

    private static Schema schema(String resource) {
        return SCHEMAS.computeIfAbsent(resource, name -> {
            InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new AssertionError("No JSON Schema checked in at " + name);
            }
            try (in) {
                return REGISTRY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private EventSchemas() {
    }
}
