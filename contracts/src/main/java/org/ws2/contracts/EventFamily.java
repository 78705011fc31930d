package org.ws2.contracts;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.ws2.contracts.assignment.AssignmentEvent;
import org.ws2.contracts.assignment.AssignmentEvents;
import org.ws2.contracts.engagement.EngagementEvent;
import org.ws2.contracts.engagement.EngagementEvents;
import org.ws2.contracts.group.GroupEvent;
import org.ws2.contracts.group.GroupEvents;
import org.ws2.contracts.recommendation.RecommendationEvent;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.contracts.report.ReportEvent;
import org.ws2.contracts.report.ReportEvents;

/**
 * The event families: one sealed interface, one topic and one producing service each. The
 * family's permitted records are its whole vocabulary; {@link #types()} is derived from them, so a new
 * event type exists exactly when its record does.
 */
public enum EventFamily {

    RECOMMENDATIONS("recommendation", Topics.RECOMMENDATIONS, RecommendationEvents.SOURCE, RecommendationEvent.class),
    GROUPS("group", Topics.GROUPS, GroupEvents.SOURCE, GroupEvent.class),
    ASSIGNMENTS("assignment", Topics.ASSIGNMENTS, AssignmentEvents.SOURCE, AssignmentEvent.class),
    ENGAGEMENTS("engagement", Topics.ENGAGEMENTS, EngagementEvents.SOURCE, EngagementEvent.class),
    REPORTS("report", Topics.REPORTS, ReportEvents.SOURCE, ReportEvent.class);

    private final String aggregate;
    private final String topic;
    private final String source;
    private final Class<? extends Ws2Event> eventInterface;
    private final Map<String, Class<? extends Ws2Event>> types;

    EventFamily(String aggregate, String topic, String source, Class<? extends Ws2Event> eventInterface) {
        this.aggregate = aggregate;
        this.topic = topic;
        this.source = source;
        this.eventInterface = eventInterface;
        Map<String, Class<? extends Ws2Event>> byType = new LinkedHashMap<>();
        for (Class<?> permitted : eventInterface.getPermittedSubclasses()) {
            byType.put(typeOf(permitted), permitted.asSubclass(Ws2Event.class));
        }
        this.types = Map.copyOf(byType);
    }

    /** The aggregate's name, as in the event types ({@code org.ws2.<aggregate>.<name>.v1}) and in history rows. */
    public String aggregate() {
        return aggregate;
    }

    /** The public topic: published data only ({@link PublicData}). */
    public String topic() {
        return topic;
    }

    /** The internal twin of {@link #topic()}: the same events in full, for this system's own services. */
    public String internalTopic() {
        return Topics.internal(topic);
    }

    /** The CloudEvents {@code source} of the family's events. */
    public String source() {
        return source;
    }

    public Class<? extends Ws2Event> eventInterface() {
        return eventInterface;
    }

    /** Every event type of the family, with its record. */
    public Map<String, Class<? extends Ws2Event>> types() {
        return types;
    }

    public static EventFamily of(Ws2Event event) {
        return of(event.getClass());
    }

    public static EventFamily of(Class<?> eventClass) {
        return Arrays.stream(values()).filter(family -> family.eventInterface.isAssignableFrom(eventClass))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(eventClass.getName() + " belongs to no event family"));
    }

    /** The record of a type, in whichever family; empty for a type this version does not know. */
    public static Optional<Class<? extends Ws2Event>> recordOf(String type) {
        for (EventFamily family : values()) {
            Class<? extends Ws2Event> record = family.types.get(type);
            if (record != null) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    static String typeOf(Class<?> eventClass) {
        return Types.BY_CLASS.get(eventClass);
    }

    /** Apart from the enum: its constants are built before any static field of the enum itself. */
    private static final class Types {

        static final ClassValue<String> BY_CLASS = new ClassValue<>() {
            @Override
            protected String computeValue(Class<?> type) {
                EventType annotation = type.getAnnotation(EventType.class);
                if (annotation == null) {
                    throw new IllegalStateException(type.getName() + " is not annotated with @EventType");
                }
                return annotation.value();
            }
        };
    }
}
