package org.ws2.reporting.edition;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.contracts.identity.Ws2Roles;
import org.ws2.contracts.recommendation.Programmes;
import org.ws2.reporting.edition.Editions.Edition;
import org.ws2.reporting.report.Quarter;
import org.ws2.reporting.report.ReportProgramme;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Actor;
import org.ws2.service.security.RoleRules;
import org.ws2.service.versioning.ChangeTime;
import org.ws2.service.versioning.Versions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quarterly update editions (docs/adr/0031-quarterly-editions.md): support staff and admins write a draft of
 * the team's sections beside the generated facts and send it for review; an admin publishes it, frozen, and may
 * publish corrections as new revisions. Anyone reads what is published; drafts only support staff and admins.
 */
@RestController
@Tag(name = "Reports")
@RequiredArgsConstructor
class EditionsController {

    static final String ADMIN = "hasRole('" + Ws2Roles.ADMIN + "')";
    private static final Map<String, MediaType> FORMATS = Map.of(
            "json", MediaType.APPLICATION_JSON,
            "html", new MediaType("text", "html", StandardCharsets.UTF_8),
            "md", new MediaType("text", "markdown", StandardCharsets.UTF_8),
            "pdf", MediaType.APPLICATION_PDF,
            "pptx", MediaType.parseMediaType(EditionDeck.PPTX));
    private static final int FEED_ENTRIES = 50;

    private final Editions editions;
    private final EditionFormats formats;
    private final JsonMapper json;

    record EditionSummary(String quarter, String label, EditionStatus status, long version, int revision,
            String url) {
    }

    /** A correction: what it corrects (required) and, if the words change, the sections that replace them. */
    record Correction(String note, Sections sections) {
    }

    @GetMapping("/api/reports/editions")
    @Operation(summary = "One programme's quarterly update editions, newest quarter first",
            description = "Published editions for everyone; drafts and editions in review too for support staff "
                    + "and admins. Each programme has its own editions (WS2's without `programme`); a programme the "
                    + "reports know nothing of is a 404 problem.")
    List<EditionSummary> list(
            @Parameter(description = ReportProgramme.DESCRIPTION) @RequestParam(required = false) String programme) {
        String chosen = programme(programme);
        return editions.list(chosen, mayDraft()).stream()
                .map(e -> new EditionSummary(e.quarter(), Quarter.parse(e.quarter()).label(), e.status(), e.version(),
                        e.revision(), editions.url(chosen, e.quarter())))
                .toList();
    }

    @GetMapping("/api/reports/milestones")
    @Operation(summary = "The programme milestones of the newest published edition, each with whether it is late today",
            description = "The milestones of the latest revision of the newest quarter's published edition, and that "
                    + "edition (`edition`: quarter, label, revision, url). A milestone is `late` when its target "
                    + "quarter has ended and it is not complete, judged against today (`currentQuarter`), not the "
                    + "edition's quarter: the edition itself says whether it was late then. With no edition "
                    + "published, `edition` is null and `milestones` empty. Drafts and editions in review never "
                    + "count. One programme's (WS2's without `programme`).")
    ProgrammeMilestones milestones(
            @Parameter(description = ReportProgramme.DESCRIPTION) @RequestParam(required = false) String programme) {
        String chosen = programme(programme);
        return ProgrammeMilestones.of(editions.latestPublished(chosen).orElse(null), ChangeTime.now(),
                quarter -> editions.url(chosen, quarter));
    }

    @GetMapping(value = "/api/reports/editions.atom", produces = EditionFeed.ATOM)
    @Operation(summary = "The published editions as an Atom 1.0 feed: one entry per published revision, newest first",
            description = "Served publicly by the gateway at /reports/editions.atom; links open the public pages. "
                    + "Every programme's editions, an entry of another programme's naming it; `programme` to "
                    + "follow one.")
    ResponseEntity<String> feed(@Parameter(description = "Only this programme's editions (e.g. WS2 or ATRT3); "
            + "default every programme's") @RequestParam(required = false) String programme) {
        String followed = programme == null || programme.isBlank() ? null : programme(programme);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(EditionFeed.ATOM + ";charset=UTF-8"))
                .body(EditionFeed.of(editions.publicBaseUrl(), followed, editions.published(followed, FEED_ENTRIES)));
    }

    @GetMapping("/api/reports/editions/{quarter}")
    @Operation(summary = "One quarter's edition, with its status and revisions, in any format",
            description = "A published edition answers its latest revision (or ?revision=N) as frozen when it was "
                    + "published: later changes, back-dated ones included, do not alter it. A draft or an edition in "
                    + "review (support staff and admins only; 404 to others) is built afresh from the facts as of "
                    + "the quarter's end, or now while the quarter runs. ETag: the edition's version. In JSON, support "
                    + "staff and admins also get `sections`: the team's sections as saved, exactly as PUT takes them "
                    + "(what the next write or correction starts from); not with an older ?revision=N, and not for "
                    + "others, who read the published content as frozen. Each programme has its own edition of a "
                    + "quarter (WS2's without `programme`).")
    ResponseEntity<?> edition(@Parameter(description = "e.g. 2021-Q2") @PathVariable String quarter,
            @Parameter(description = ReportProgramme.DESCRIPTION) @RequestParam(required = false) String programme,
            @Parameter(description = "json (default), html, md, pdf or pptx") @RequestParam(required = false) String format,
            @Parameter(description = "a published revision, 1 and up; default the latest")
            @RequestParam(required = false) Integer revision) {
        String chosen = format == null || format.isBlank() ? "json" : format.trim().toLowerCase();
        if (!FORMATS.containsKey(chosen)) {
            throw ApiProblem.invalidInput("format", "must be one of json, html, md, pdf, pptx");
        }
        Quarter q = Quarter.parse(quarter);
        Edition edition = visible(programme(programme), q);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().eTag(Versions.toETag(edition.version()))
                .contentType(FORMATS.get(chosen));
        String filename = edition.programme().toLowerCase(Locale.ROOT) + "-implementation-update-" + q
                + (revision == null ? "" : "-r" + revision) + "." + chosen;
        if (edition.revision() == 0) {
            if (revision != null) {
                throw ApiProblem.notFound("edition revision", name(edition) + " revision " + revision);
            }
            EditionContent draft = editions.draft(edition);
            return switch (chosen) {
                case "html" -> ok.body(formats.html(draft));
                case "md" -> ok.body(formats.markdown(draft));
                case "pdf" -> attachment(ok, "inline", filename).body(formats.pdf(draft));
                case "pptx" -> attachment(ok, "attachment", filename).body(formats.pptx(draft));
                default -> ok.body(withLifecycle(edition, formats.json(draft), true));
            };
        }
        int wanted = revision == null ? edition.revision() : revision;
        Object frozen = editions.frozen(edition, wanted, chosen)
                .orElseThrow(() -> ApiProblem.notFound("edition revision", name(edition) + " revision " + wanted));
        return switch (chosen) {
            case "pdf" -> attachment(ok, "inline", filename).body(frozen);
            case "pptx" -> attachment(ok, "attachment", filename).body(frozen);
            case "json" -> ok.body(withLifecycle(edition, (String) frozen, wanted == edition.revision()));
            default -> ok.body(frozen);
        };
    }

    @PutMapping("/api/reports/editions/{quarter}")
    @PreAuthorize(RoleRules.SUPPORT)
    @Operation(summary = "Write the team's sections of a draft (support staff, admins); creates the draft if none",
            description = "201 with the new draft when the quarter had no edition; else If-Match (the version read) "
                    + "is required and the edition must be a draft (409 problem when in review or published). A "
                    + "quarter not begun, or before any data, is a 422 problem; a group line for a group with no "
                    + "stage sentence, or a malformed field, a 400 problem; nothing is changed.")
    ResponseEntity<String> write(@PathVariable String quarter, @Parameter(description = ReportProgramme.DESCRIPTION) @RequestParam(required = false) String programme, @RequestBody Sections sections,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Quarter q = Quarter.parse(quarter);
        String chosen = programme(programme);
        boolean existed = editions.find(chosen, q.toString()).isPresent();
        Edition edition = editions.write(chosen, q, sections == null ? Sections.EMPTY : sections, ifMatch, actor());
        return answer(existed ? HttpStatus.OK : HttpStatus.CREATED, edition);
    }

    @PostMapping("/api/reports/editions/{quarter}/review")
    @PreAuthorize(RoleRules.SUPPORT)
    @Operation(summary = "Send a draft for review (support staff, admins); 409 problem unless it is a draft")
    ResponseEntity<String> review(@PathVariable String quarter, @Parameter(description = ReportProgramme.DESCRIPTION) @RequestParam(required = false) String programme,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return step(programme, quarter, ifMatch, editions::sendToReview);
    }

    @PostMapping("/api/reports/editions/{quarter}/draft")
    @PreAuthorize(RoleRules.SUPPORT)
    @Operation(summary = "Take an edition in review back to draft (support staff, admins); 409 problem otherwise")
    ResponseEntity<String> backToDraft(@PathVariable String quarter, @Parameter(description = ReportProgramme.DESCRIPTION) @RequestParam(required = false) String programme,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return step(programme, quarter, ifMatch, editions::returnToDraft);
    }

    @PostMapping("/api/reports/editions/{quarter}/publish")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Publish an edition in review (admins): revision 1, frozen, and its event",
            description = "Renders the facts as of the quarter's end and every format once and keeps them; sends "
                    + "org.ws2.report.edition-published.v1 on ws2.reports.v1. 409 problem when it is a draft or "
                    + "already published.")
    ResponseEntity<String> publish(@PathVariable String quarter, @Parameter(description = ReportProgramme.DESCRIPTION) @RequestParam(required = false) String programme,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return step(programme, quarter, ifMatch, editions::publish);
    }

    @PostMapping("/api/reports/editions/{quarter}/corrections")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Publish a correction of a published edition (admins): the next revision, with its note",
            description = "Body {note, sections?}. The facts are taken afresh as of the quarter's end (so corrected "
                    + "history is in), the sections are those given or the published ones; older revisions stay "
                    + "readable with ?revision=N. Sends the event again with the new revision.")
    ResponseEntity<String> correct(@PathVariable String quarter, @Parameter(description = ReportProgramme.DESCRIPTION) @RequestParam(required = false) String programme,
            @RequestBody Correction correction,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Quarter q = Quarter.parse(quarter);
        String chosen = programme(programme);
        if (correction == null) {
            throw ApiProblem.invalidInput("note", "must say what the correction corrects");
        }
        return answer(HttpStatus.CREATED,
                editions.correct(chosen, q, ifMatch, correction.note(), correction.sections(), actor()));
    }

    /** A move of the edition's lifecycle (review, back to draft, publish), answered as every change is. */
    private ResponseEntity<String> step(String programme, String quarter, String ifMatch, Step step) {
        Quarter q = Quarter.parse(quarter);
        return answer(HttpStatus.OK, step.apply(programme(programme), q, ifMatch, actor()));
    }

    @FunctionalInterface
    private interface Step {
        Edition apply(String programme, Quarter quarter, String ifMatch, String actor);
    }

    /**
     * The programme whose editions are asked for: WS2 without the parameter, as before programmes; a malformed
     * code is a 400 problem, one the reports know nothing of a 404 problem, and neither changes anything.
     */
    private String programme(String programme) {
        String chosen = ReportProgramme.parse(programme);
        editions.requireKnown(chosen);
        return chosen;
    }

    private static String name(Edition edition) {
        return Editions.editionName(edition.programme(), edition.quarter());
    }

    /**
     * The edition's lifecycle, then its content: what the JSON format answers. Those who write it also get the
     * sections as saved, when the content is the edition as it stands ({@code current}): the content prints a
     * group's line only under its stage sentence, so a form rebuilt from the content alone loses lines of groups
     * that share a sentence, and saving it would delete them.
     */
    private String withLifecycle(Edition edition, String content, boolean current) {
        ObjectNode answer = lifecycle(edition);
        answer.setAll((ObjectNode) json.readTree(content));
        if (current && mayDraft()) {
            answer.set("sections", json.valueToTree(edition.sections()));
        }
        return answer.toString();
    }

    private ObjectNode lifecycle(Edition edition) {
        ObjectNode answer = json.createObjectNode();
        if (!Programmes.WS2.equals(edition.programme())) {
            // WS2's answer is as it was before programmes
            answer.put("programme", edition.programme());
        }
        answer.put("quarter", edition.quarter());
        answer.put("status", edition.status().name());
        answer.put("version", edition.version());
        answer.put("revision", edition.revision());
        answer.set("revisions", json.valueToTree(editions.revisions(edition)));
        return answer;
    }

    /** What a change answers: the lifecycle and the sections as saved (the facts are a GET away). */
    private ResponseEntity<String> answer(HttpStatus status, Edition edition) {
        ObjectNode answer = lifecycle(edition);
        answer.set("sections", json.valueToTree(edition.sections()));
        return ResponseEntity.status(status).eTag(Versions.toETag(edition.version()))
                .contentType(MediaType.APPLICATION_JSON).body(answer.toString());
    }

    private Edition visible(String programme, Quarter q) {
        return editions.find(programme, q.toString()).filter(e -> e.revision() > 0 || mayDraft())
                .orElseThrow(() -> ApiProblem.notFound("edition", Editions.editionName(programme, q.toString())));
    }

    private static boolean mayDraft() {
        return Actor.caller().map(a -> a.hasRole(Ws2Roles.SUPPORT_STAFF) || a.hasRole(Ws2Roles.ADMIN)).orElse(false);
    }

    private static String actor() {
        return Actor.current().name();
    }

    private static ResponseEntity.BodyBuilder attachment(ResponseEntity.BodyBuilder ok, String disposition,
            String filename) {
        return ok.header(HttpHeaders.CONTENT_DISPOSITION, disposition + "; filename=\"" + filename + "\"");
    }

}
