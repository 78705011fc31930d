package org.ws2.notifications.event;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.group.GroupEvents.GroupSnapshot;
import org.ws2.service.events.EventJson;

/**
 * Keeps each group's contacts, who get email about their group's work. Group events are not told
 * to subscribers or webhooks: they carry contacts' email addresses.
 */
@Component
class GroupListener {

    /** Every group event carries the whole group. */
    record AnyGroupChange(GroupSnapshot group) {
    }

    private final EventJson eventJson;
    private final Intake intake;
    private final GroupDirectory groups;

    GroupListener(EventJson eventJson, Intake intake, GroupDirectory groups) {
        this.eventJson = eventJson;
        this.intake = intake;
        this.groups = groups;
    }

    @KafkaListener(topics = Topics.GROUPS, groupId = "notifications-service")
    @Transactional
    public void on(String value) {
        CloudEvent event = eventJson.read(value);
        if (!event.type().startsWith("org.ws2.group.")) {
            return;
        }
        GroupSnapshot group = eventJson.data(event, AnyGroupChange.class).group();
        if (group == null || !intake.admit(event, "group:" + event.subject())) {
            return;
        }
        groups.save(group);
    }
}
