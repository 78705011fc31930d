package org.ws2.reporting.stream;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes what is not published data from an event before it leaves on the public stream:
 * contacts and e-mail addresses (personal data), comment threads (the group's and support's), the
 * names of who did what (for signed-in users only) and draft priorities (public once approved).
 * Works on the JSON tree, by field name, so a field added to a v1 event later is stripped too if
 * it uses one of these names.
 */
final class PublicEventFilter {

    private static final Set<String> WITHHELD = Set.of("email", "contacts", "comments", "comment", "actor", "author",
            "createdBy", "updatedBy", "removedBy");

    private PublicEventFilter() {
    }

    static ObjectNode publicCopy(ObjectNode event) {
        ObjectNode copy = event.deepCopy();
        JsonNode data = copy.get("data");
        if (data != null) {
            strip(data);
        }
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("priorityDraft").asBoolean(false)) {
                // A draft priority is the group's until it approves it.
                object.putNull("priority");
                object.putNull("effort");
                object.putNull("urgency");
            }
            if (object.has("members") && object.get("members") instanceof ArrayNode members) {
                // Cross-community members: which group is represented is public, who represents it is not.
                for (JsonNode member : members) {
                    if (member instanceof ObjectNode m) {
                        m.remove("name");
                    }
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (WITHHELD.contains(field.getKey())) {
                    fields.remove();
                } else {
                    strip(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                strip(element);
            }
        }
    }
}
