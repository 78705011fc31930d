package org.ws2.reporting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.ws2.contracts.Topics;
import org.ws2.service.events.TopicDeclarations;

/** Where records this service cannot process are parked, and the topics of the editions it publishes. */
@Configuration(proxyBeanMethods = false)
class ReportingTopics {

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(TopicDeclarations topics) {
        return topics.deadLettersOf(Topics.RECOMMENDATIONS, Topics.GROUPS, Topics.ASSIGNMENTS, Topics.ENGAGEMENTS);
    }

    @Bean
    KafkaAdmin.NewTopics reportTopics(TopicDeclarations topics) {
        return topics.produced(Topics.REPORTS, Topics.internal(Topics.REPORTS));
    }
}
