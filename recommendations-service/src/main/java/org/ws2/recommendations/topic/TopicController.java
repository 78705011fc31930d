package org.ws2.recommendations.topic;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.recommendations.topic.TopicRepository.TopicSummary;
import org.ws2.service.problem.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Topics", description = "The eight WS2 topics, each with its numeric prefix and how many recommendations it holds")
@RequestMapping("/api/topics")
class TopicController {

    private final TopicRepository topics;

    TopicController(TopicRepository topics) {
        this.topics = topics;
    }

    @GetMapping
    @Operation(summary = "The eight WS2 topics",
            description = "Each with its prefix, notes and counts of its recommendations.")
    List<TopicSummary> list() {
        return topics.findAllWithCounts();
    }

    @GetMapping("/{prefix}")
    @Operation(summary = "One WS2 topic by its prefix",
            description = "E.g. 5 for Office of the Ombuds.")
    TopicSummary get(@PathVariable String prefix) {
        return topics.findAllWithCounts().stream().filter(topic -> topic.prefix().equals(prefix)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Topic", prefix));
    }
}
