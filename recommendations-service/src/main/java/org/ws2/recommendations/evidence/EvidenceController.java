package org.ws2.recommendations.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.ws2.recommendations.recommendation.RecommendationResponses;
import org.ws2.service.security.RoleRules;
import org.ws2.recommendations.recommendation.RecommendationView;
import org.ws2.service.versioning.Versions;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Evidence is added as JSON (a link) or as {@code multipart/form-data} (an uploaded document with
 * its title, date and note as form fields). Upload size is capped by
 * {@code spring.servlet.multipart.max-file-size}.
 */
@RestController
@Tag(name = "Evidence", description = "Implementation evidence attached to a recommendation: links and uploaded documents")
@Validated
@RequestMapping("/api/recommendations/{id}/evidence")
@RequiredArgsConstructor
class EvidenceController {

    private final Evidence evidence;
    private final RecommendationResponses responses;

    @GetMapping
    @Operation(summary = "The evidence attached to a recommendation, now or as of a past instant")
    List<EvidenceItem> list(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return evidence.list(id, asOf);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Attach a link as evidence",
            description = "Body {\"title\",\"url\",\"date\",\"note\"?}.")
    @PreAuthorize(RoleRules.SUPPORT)
    ResponseEntity<EvidenceItem> addLink(@PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LinkEvidence body) {
        return created(evidence.addLink(id, body.title(), body.url(), body.date(), body.note(),
                Versions.fromIfMatch(ifMatch), Actor.current().name()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a document as evidence",
            description = "multipart/form-data, at most 10 MB; PDF, Office/OpenDocument, PNG, JPEG, text or CSV. The content must match the declared type, else 415 (document-content-mismatch).")
    @PreAuthorize(RoleRules.SUPPORT)
    ResponseEntity<EvidenceItem> addDocument(@PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestPart("file") MultipartFile file,
            @RequestParam @NotBlank @Size(max = 300) String title,
            @RequestParam @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @Size(max = 4000) String note) {
        return created(evidence.addDocument(id, title, upload(file), date, note, Versions.fromIfMatch(ifMatch),
                Actor.current().name()));
    }

    @GetMapping("/{evidenceId}/document")
    @Operation(summary = "Download an uploaded evidence document")
    ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable UUID evidenceId) {
        var document = evidence.document(id, evidenceId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(document.fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(document.content());
    }

    @DeleteMapping("/{evidenceId}")
    @Operation(summary = "Withdraw a piece of evidence",
            description = "It is kept, marked removed, and no longer counted.")
    @PreAuthorize(RoleRules.SUPPORT)
    ResponseEntity<RecommendationView> remove(@PathVariable String id, @PathVariable UUID evidenceId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return responses.changed(ifMatch, (version, actor) -> evidence.remove(id, evidenceId, version, actor));
    }

    private static ResponseEntity<EvidenceItem> created(Evidence.Added added) {
        EvidenceItem item = added.evidence();
        return ResponseEntity.created(URI.create("/api/recommendations/" + item.recommendationId() + "/evidence/"
                + item.id()))
                .eTag(Versions.toETag(added.recommendation().version()))
                .body(item);
    }

    private static Evidence.Upload upload(MultipartFile file) {
        String fileName = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "document"
                : file.getOriginalFilename().replaceAll("[\\\\/\\r\\n\"]", "_");
        if (fileName.length() > 200) {
            throw ApiProblem.invalidInput("file", "The file name is longer than 200 characters.");
        }
        try {
            return new Evidence.Upload(fileName, file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record LinkEvidence(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String url,
            @NotNull LocalDate date,
            @Size(max = 4000) String note) {
    }
}
