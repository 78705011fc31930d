package org.ws2.reporting.report;

import static org.ws2.service.problem.InputRules.blankToNull;

import java.time.Instant;

import lombok.RequiredArgsConstructor;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.contracts.group.GroupKind;
import org.ws2.reporting.report.ReportModels.Changes;
import org.ws2.reporting.report.ReportModels.Coordination;
import org.ws2.reporting.report.ReportModels.Groups;
import org.ws2.reporting.report.ReportModels.Matrix;
import org.ws2.reporting.report.ReportModels.ProgressReport;
import org.ws2.service.problem.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The dashboards' data. Every report is computed from the event history as it stood at {@code asOf}
 * (effective time: when changes took effect, which may be earlier than when they were entered);
 * without it, now.
 */
@RestController
@Tag(name = "Reports")
@RequiredArgsConstructor
class ReportsController {

    private final Reports reports;

    /**
     * As of when, and of which programme, a dashboard is read: the two parameters the dashboards share, documented
     * and parsed in one place.
     */
    record Scope(
            @Parameter(description = "An ISO-8601 instant, or a date meaning the end of that day (UTC); default now")
            String asOf,
            @Parameter(description = ReportProgramme.DESCRIPTION) String programme) {

        Instant at() {
            return AsOf.parse("asOf", asOf, AsOf.now());
        }

        String reported() {
            return ReportProgramme.parse(programme);
        }
    }

    @GetMapping("/api/reports/progress")
    @Operation(summary = "Counts by topic, portfolio (org, community, co-owned), lifecycle status and ICANN's three-word "
            + "status; recommendations waiting on another; coordination flags")
    ProgressReport progress(@ParameterObject Scope scope) {
        return reports.progress(scope.at(), scope.reported());
    }

    @GetMapping("/api/reports/groups")
    @Operation(summary = "Every group's stage, in the words of the Q2 2021 update, with the counts behind it")
    Groups groups(@ParameterObject Scope scope) {
        return reports.groups(scope.at(), scope.reported());
    }

    @GetMapping("/api/reports/matrix")
    @Operation(summary = "Recommendation × group: triage state, approved priority, progress")
    Matrix matrix(@ParameterObject Scope scope,
            @Parameter(description = "A topic's name or number (e.g. 6), or a recommendation id prefix (6.1)")
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) GroupKind groupKind) {
        return reports.matrix(scope.at(), blankToNull(topic), groupKind, scope.reported());
    }

    @GetMapping("/api/reports/changes")
    @Operation(summary = "What changed in a period: newly complete, newly started, sign-offs, flags raised, engagements held")
    Changes changes(@Parameter(description = "Start of the period (instant or date = start of that day, UTC)", required = true)
            @RequestParam String from,
            @Parameter(description = "End of the period; default now") @RequestParam(required = false) String to,
            @Parameter(description = ReportProgramme.DESCRIPTION) @RequestParam(required = false) String programme) {
        Instant start = AsOf.parseStart("from", from);
        Instant end = AsOf.parse("to", to, AsOf.now());
        if (start.isAfter(end)) {
            throw ApiProblem.invalidInput("from", "must not be after to");
        }
        return reports.changes(start, end, ReportProgramme.parse(programme));
    }

    @GetMapping("/api/reports/coordination")
    @Operation(summary = "Flagged recommendations with every group's position, and suggestions: unflagged ones whose "
            + "groups' approved priorities diverge")
    Coordination coordination(@ParameterObject Scope scope) {
        return reports.coordination(scope.at(), scope.reported());
    }
}
