package org.ws2.recommendations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.ws2.contracts.Topics;
import org.ws2.service.events.TopicDeclarations;

/** The topics this service publishes. */
@Configuration(proxyBeanMethods = false)
class RecommendationsTopics {

    @Bean
    KafkaAdmin.NewTopics publishedTopics(TopicDeclarations topics) {
        return topics.produced(Topics.RECOMMENDATIONS, Topics.ENGAGEMENTS, Topics.internal(Topics.RECOMMENDATIONS),
                Topics.internal(Topics.ENGAGEMENTS));
    }
}
