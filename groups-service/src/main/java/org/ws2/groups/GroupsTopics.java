package org.ws2.groups;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.ws2.contracts.Topics;
import org.ws2.service.events.TopicDeclarations;

/** The topics this service publishes (public and internal twins), and the dead-letter topic of the one it reads. */
@Configuration(proxyBeanMethods = false)
class GroupsTopics {

    @Bean
    KafkaAdmin.NewTopics publishedTopics(TopicDeclarations topics) {
        return topics.produced(Topics.GROUPS, Topics.ASSIGNMENTS, Topics.internal(Topics.GROUPS),
                Topics.internal(Topics.ASSIGNMENTS));
    }

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(TopicDeclarations topics) {
        return topics.deadLettersOf(Topics.RECOMMENDATIONS);
    }
}
