package org.ws2.recommendations.topic;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.recommendations.topic.TopicRepository.TopicSummary;
import org.ws2.service.problem.ApiProblem;

@RestController
@RequestMapping("/api/topics")
class TopicController {

    private final TopicRepository topics;

    TopicController(TopicRepository topics) {
        this.topics = topics;
    }

    @GetMapping
    List<TopicSummary> list() {
        return topics.findAllWithCounts();
    }

    @GetMapping("/{prefix}")
    TopicSummary get(@PathVariable String prefix) {
        return topics.findAllWithCounts().stream().filter(topic -> topic.prefix().equals(prefix)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Topic", prefix));
    }
}
