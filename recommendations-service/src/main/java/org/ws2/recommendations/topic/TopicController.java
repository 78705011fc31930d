package org.ws2.recommendations.topic;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.recommendations.topic.TopicRepository.TopicSummary;
import org.ws2.service.problem.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Topics", description = "The eight WS2 topics, each with its numeric prefix and how many recommendations it holds, and the topics of other programmes (ATRT3-1…)")
@RequestMapping("/api/topics")
@RequiredArgsConstructor
class TopicController {

    private final TopicRepository topics;

    @GetMapping
    @Operation(summary = "The topics of every programme, or of one",
            description = "Each with its prefix, notes, programme and counts of its recommendations; WS2's eight first. "
                    + "programme (e.g. WS2) gives one programme's.")
    List<TopicSummary> list(@RequestParam(required = false) String programme) {
        return topics.findAllWithCounts(programme);
    }

    @GetMapping("/{prefix}")
    @Operation(summary = "One topic by its prefix",
            description = "E.g. 5 for WS2's Office of the Ombuds, ATRT3-1 for ATRT3's first topic.")
    TopicSummary get(@PathVariable String prefix) {
        return topics.findAllWithCounts(null).stream().filter(topic -> topic.prefix().equals(prefix)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Topic", prefix));
    }
}
