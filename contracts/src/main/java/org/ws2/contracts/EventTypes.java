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
