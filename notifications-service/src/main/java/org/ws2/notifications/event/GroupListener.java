package org.ws2.notifications.event;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.Topics;
import org.ws2.contracts.group.GroupEvent;
import org.ws2.service.events.EventConsumer;

/**
 * Keeps each group's contacts, who get email about their group's work. Group events are not told
 * to subscribers or webhooks: they carry contacts' email addresses.
 */
@Component
class GroupListener {

    private final EventConsumer consumer;
    private final GroupDirectory groups;

    GroupListener(EventConsumer consumer, GroupDirectory groups) {
        this.consumer = consumer;
        this.groups = groups;
    }

    @KafkaListener(topics = Topics.GROUPS, groupId = "notifications-service")
    @Transactional
    public void on(String value) {
        consumer.consume(RecommendationListener.CONSUMER, value, GroupEvent.class,
                (event, envelope) -> groups.save(event.group()));
    }
}
