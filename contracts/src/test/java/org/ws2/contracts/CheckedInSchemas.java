package org.ws2.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The event JSON Schemas checked in to this module, for the contract tests. A schema refers to
 * another by its {@code urn:ws2:schema:} id, which is read from the classpath file of that name.
 */
final class CheckedInSchemas {

    private static final String URN = EventTypes.schemaUri("");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaIdResolvers(resolvers -> resolvers.mappings(id -> id.startsWith(URN),
                    id -> "classpath:" + EventTypes.schemaResourceOfId(id))));

    /** The schema in the classpath resource {@code resource}; fails the test if there is none. */
    static Schema schema(String resource) throws IOException {
        try (InputStream in = CheckedInSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return REGISTRY.getSchema(in);
        }
    }

    /** The schema whose JSON text is {@code schemaJson}, its references resolved as above. */
    static Schema parse(String schemaJson) {
        return REGISTRY.getSchema(schemaJson);
    }

    private CheckedInSchemas() {
    }
}
