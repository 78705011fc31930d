package org.ws2.reporting.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.contracts.recommendation.Programmes;
import org.ws2.reporting.report.ReportModels.Quarterly;
import org.ws2.service.problem.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Reports")
@RequiredArgsConstructor
class QuarterlyController {

    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** The formats, by their ?format= name, in the order an Accept of a wildcard picks them. */
    private static final Map<String, MediaType> FORMATS = Map.of(
            "json", MediaType.APPLICATION_JSON,
            "html", new MediaType("text", "html", StandardCharsets.UTF_8),
            "pdf", MediaType.APPLICATION_PDF,
            "md", MARKDOWN,
            "csv", CSV);
    private static final List<String> ORDER = List.of("json", "html", "pdf", "md", "csv");
    static final int MATRIX_ROWS_IN_DOCUMENTS = 1000;

    private final QuarterlyReports reports;
    private final QuarterlyDocuments documents;
    private final JsonMapper json;

    @GetMapping("/api/reports/quarterly/{quarter}")
    @Operation(summary = "The quarterly report, in the shape of the WS2 implementation team's update",
            description = "SO/AC work, community coordination & prioritisation, org's focus, engagement, links, newly "
                    + "complete recommendations and their evidence, as of the quarter's last day (or asOf). Format by "
                    + "?format= (json, html, pdf, md, csv) or by the Accept header. A quarter that has not begun, or one "
                    + "that ended before the first change the reports know of, is a 422 problem; an unknown format a "
                    + "400 (?format=) or 406 (Accept) problem.",
            responses = @ApiResponse(responseCode = "200", content = {
                    @Content(mediaType = "application/json"), @Content(mediaType = "text/html"),
                    @Content(mediaType = "application/pdf"), @Content(mediaType = "text/markdown"),
                    @Content(mediaType = "text/csv") }))
    ResponseEntity<?> quarterly(
            @Parameter(description = "e.g. 2021-Q2") @PathVariable String quarter,
            @Parameter(description = "An instant or a date (end of that day, UTC); default the quarter's last day, or now "
                    + "while the quarter runs") @RequestParam(required = false) String asOf,
            @Parameter(description = "json, html, pdf, md or csv; wins over Accept") @RequestParam(required = false) String format,
            @Parameter(description = ReportProgramme.DESCRIPTION) @RequestParam(required = false) String programme,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        String chosen = format(format, accept);
        String reported = ReportProgramme.parse(programme);
        Quarter q = Quarter.parse(quarter);
        Instant now = AsOf.now();
        reports.requireReportable(q, now);
        Instant defaultAsOf = q.end().isAfter(now) ? now : q.end();
        Quarterly whole = reports.quarterly(q, AsOf.parse("asOf", asOf, defaultAsOf), reported);
        // WS2's documents are as they were; another programme's name it where they say WS2
        String named = Programmes.WS2.equals(reported) ? null : reported;
        // A document to read carries the deck's structure and the start of the matrix: 50,000 rows would make a
        // page nobody reads and a 15 MB answer. The CSV is the matrix, all of it (so is /api/reports/matrix).
        Quarterly report = chosen.equals("csv") ? whole : whole.withMatrixCutTo(MATRIX_ROWS_IN_DOCUMENTS);
        String filename = (named == null ? "ws2" : named.toLowerCase(Locale.ROOT)) + "-implementation-" + q + "."
                + chosen;
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(FORMATS.get(chosen))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        return switch (chosen) {
            case "html" -> ok.body(documents.html(report, named));
            case "md" -> ok.body(documents.markdown(report, named));
            case "csv" -> ok.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                    .body(documents.csv(report));
            case "pdf" -> ok.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"")
                    .body(documents.pdf(report, named));
            default -> ok.body(json.writeValueAsString(report));
        };
    }

    private static String format(String format, String accept) {
        if (format != null && !format.isBlank()) {
            String f = format.trim().toLowerCase();
            if (!FORMATS.containsKey(f)) {
                throw ApiProblem.invalidInput("format", "must be one of json, html, pdf, md, csv");
            }
            return f;
        }
        if (accept == null || accept.isBlank()) {
            return "json";
        }
        List<MediaType> wanted;
        try {
            wanted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw ApiProblem.invalidInput("Accept", "is not a valid media type list");
        }
        wanted = new java.util.ArrayList<>(wanted);
        // Highest quality first; at equal quality a concrete type before a wildcard (stable otherwise).
        wanted.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed()
                .thenComparing(MediaType::isWildcardType).thenComparing(MediaType::isWildcardSubtype));
        for (MediaType w : wanted) {
            if (w.getQualityValue() == 0) {
                continue;
            }
            for (String f : ORDER) {
                if (w.isCompatibleWith(FORMATS.get(f))
                        || (f.equals("json") && w.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))) {
                    return f;
                }
            }
        }
        throw new ApiProblem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Format not available",
                "The quarterly report is available as application/json, text/html, application/pdf, text/markdown and "
                        + "text/csv.");
    }
}
