package org.ws2.contracts;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What of an event may leave on a public topic or the public stream: published data only
 * ({@code docs/visibility.md}). The fields keep their place in the event (its JSON Schema lists them)
 * but carry {@code null}:
 * <ul>
 * <li>who did what ({@code actor}, {@code author}, {@code createdBy}, {@code updatedBy},
 * {@code removedBy}: tokens' {@code sub}s, for signed-in readers only);</li>
 * <li>e-mail addresses of contacts and members (personal data);</li>
 * <li>the comment a {@code commented} event carries (the conversation between support and a group);</li>
 * <li>priority, effort and urgency while {@code priorityDraft} is true (the group's until it approves
 * them; {@code priorityDraft} itself stays, so that "is prioritizing" is still public);</li>
 * <li>the not-applicable reason until the group has signed off and approved its judgement.</li>
 * </ul>
 * Works on the JSON tree by field name, so a field of one of these names added to a v1 event later is
 * withheld too. The full event goes on the family's internal topic ({@link Topics#internal}).
 */
public final class PublicData {

    /** Fields withheld wherever they occur. */
    static final Set<String> WITHHELD = Set.of("actor", "author", "createdBy", "updatedBy", "removedBy", "email",
            "comment");

    private static final Set<String> DRAFT_JUDGEMENT = Set.of("priority", "effort", "urgency");

    private PublicData() {
    }

    /** The public copy of {@code event}: the same envelope (id, type, subject, times), its data withheld as above. */
    public static CloudEvent publicCopy(CloudEvent event) {
        return new CloudEvent(event.specversion(), event.id(), event.source(), event.type(), event.subject(),
                event.time(), event.datacontenttype(), event.dataschema(), event.aggregateversion(),
                event.recordedat(), publicData(event.data()));
    }

    /** A copy of {@code data} with what is not published set to null; {@code data} is left as it was. */
    public static JsonNode publicData(JsonNode data) {
        JsonNode copy = data.deepCopy();
        withhold(copy);
        return copy;
    }

    private static void withhold(JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean draft = object.path("priorityDraft").asBoolean(false);
            for (String name : List.copyOf(object.propertyNames())) {
                if (WITHHELD.contains(name) || (draft && DRAFT_JUDGEMENT.contains(name))
                        || (name.equals("notApplicableReason") && (draft || !signedOff(object)))) {
                    object.putNull(name);
                } else {
                    withhold(object.get(name));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                withhold(element);
            }
        }
    }

    private static boolean signedOff(ObjectNode assignment) {
        return "SIGNED_OFF".equals(assignment.path("triage").asString(null));
    }
}
