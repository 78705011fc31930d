package org.ws2.contracts;

/**
 * Where each event type's JSON Schema lives. Every type named in this module has a schema at
 * {@code ws2/schemas/<type>.json} on the classpath, and the envelope's at
 * {@code ws2/schemas/cloudevent.json}.
 */
public final class EventTypes {

    public static final String SCHEMA_RESOURCE_DIR = "ws2/schemas/";
    public static final String ENVELOPE_SCHEMA_RESOURCE = SCHEMA_RESOURCE_DIR + "cloudevent.json";

    public static String schemaUri(String type) {
        return "urn:ws2:schema:" + type;
    }

    /**
     * Where the schema with id {@code urn:ws2:schema:<name>} lives on the classpath. Schemas refer to
     * each other by file ({@code "$ref": "<name>.json"}, so that standard tools resolve them from the
     * folder), which resolves against a referring schema's URN to {@code urn:ws2:schema:<name>.json}.
     */
    public static String schemaResourceOfId(String schemaId) {
        String name = schemaId.substring(schemaUri("").length());
        return SCHEMA_RESOURCE_DIR + (name.endsWith(".json") ? name : name + ".json");
    }

    public static String schemaResource(String type) {
        return SCHEMA_RESOURCE_DIR + type + ".json";
    }

    /** {@code org.ws2.recommendation.status-changed.v1} → {@code status-changed}; types follow that pattern. */
    public static String name(String type) {
        String withoutVersion = type.substring(0, type.lastIndexOf('.'));
        return withoutVersion.substring(withoutVersion.lastIndexOf('.') + 1);
    }

    private EventTypes() {
    }
}
