package org.ws2.reporting.summary;

import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.reporting.recommendation.RecommendationReadModel;
import org.ws2.reporting.recommendation.RecommendationReadModel.StatusCounts;
import org.ws2.reporting.report.ReportProgramme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Reports", description = "Counts and summaries of WS2 implementation, built from the recommendation events")
@RequiredArgsConstructor
class SummaryController {

    private final RecommendationReadModel recommendations;

    @GetMapping("/api/reports/summary")
    @Operation(summary = "How many recommendations are in each status, as of the latest event applied",
            description = "Built from the recommendation events, so it may trail the recommendations service by "
                    + "the time an event takes to arrive; asOf says how current it is.")
    StatusSummary summary(@Parameter(description = ReportProgramme.DESCRIPTION) @RequestParam(required = false) String programme) {
        StatusCounts counts = recommendations.countByStatus(ReportProgramme.parse(programme));
        return StatusSummary.of(counts.byStatus(), counts.latestChange());
    }
}
