package org.ws2.notifications;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.ws2.contracts.Topics;
import org.ws2.service.events.TopicDeclarations;

/**
 * The topics this service reads, declared so that its listeners find them even when it starts
 * before their producers, and where it parks records it cannot process. It reads the internal twins
 * of the public topics: it needs contacts' e-mail addresses (to mail chairs) and who did what (to say
 * so, and not to tell people about their own changes), which the public topics do not carry. Reports are
 * read from the public topic: an edition names no person, and reporting publishes no internal twin.
 */
@Configuration(proxyBeanMethods = false)
class NotificationsTopics {

    private static final String[] CONSUMED = { Topics.internal(Topics.RECOMMENDATIONS), Topics.internal(Topics.GROUPS),
            Topics.internal(Topics.ASSIGNMENTS), Topics.internal(Topics.ENGAGEMENTS), Topics.REPORTS };

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(TopicDeclarations topics) {
        return topics.deadLettersOf(CONSUMED);
    }

    @Bean
    KafkaAdmin.NewTopics consumedTopics(TopicDeclarations topics) {
        return topics.produced(CONSUMED);
    }
}
