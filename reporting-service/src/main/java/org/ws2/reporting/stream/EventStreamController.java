package org.ws2.reporting.stream;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.ws2.service.problem.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

@RestController
@Tag(name = "Event stream")
class EventStreamController {

    private final EventStreamHub hub;
    private final PublicEventStore store;
    private final StreamClients clients;
    private final Duration retryAfter;

    EventStreamController(EventStreamHub hub, PublicEventStore store, StreamClients clients,
            @Value("${ws2.stream.retry-after:10s}") Duration retryAfter) {
        this.hub = hub;
        this.store = store;
        this.clients = clients;
        this.retryAfter = retryAfter;
    }

    @GetMapping(path = "/api/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events of every public WS2 event (recommendations, groups, assignments, engagements)",
            description = "Each SSE message: id = the stream position (resume with Last-Event-ID), event = the CloudEvents "
                    + "type, data = the CloudEvent as JSON without personal data (contacts, e-mail addresses, comment "
                    + "threads, actors' names, draft priorities). Without Last-Event-ID or since, only new events are sent. "
                    + "A comment line ':heartbeat' is sent when the stream has been quiet for 15 s. "
                    + "A client (a signed-in person, else an address) may hold 10 streams at once: beyond, 429 "
                    + "too-many-streams with Retry-After; 503 stream-full when the service has all it serves. A "
                    + "client that stops reading for 10 s is disconnected; it resumes with Last-Event-ID.")
    ResponseEntity<SseEmitter> stream(
            @Parameter(description = "Comma-separated CloudEvents types; a trailing * matches a prefix, e.g. org.ws2.assignment.*")
            @RequestParam(required = false) List<String> types,
            @Parameter(description = "Comma-separated subjects (aggregate ids, e.g. 1.1 or ccNSO)")
            @RequestParam(required = false) List<String> subject,
            @Parameter(description = "Replay the events this service learnt at or after this instant (ISO-8601)")
            @RequestParam(required = false) String since,
            @Parameter(description = "The id of the last event received; the same as the Last-Event-ID header")
            @RequestParam(required = false) String lastEventId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            HttpServletRequest request) {
        String resumeAfter = lastEventIdHeader != null ? lastEventIdHeader : lastEventId;
        Instant from = resumeAfter == null || resumeAfter.isBlank() ? since(since) : null;
        long cursor = cursor(resumeAfter, from);
        SseEmitter emitter;
        try {
            emitter = hub.subscribe(new EventStreamHub.Filter(set(types), set(subject), from), cursor,
                    clients.name(request));
        } catch (EventStreamHub.Refused refused) {
            throw refusal(refused);
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                // Tells nginx-like proxies not to buffer the stream.
                .header("X-Accel-Buffering", "no")
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .body(emitter);
    }

    /**
     * A stream ends only when its client goes, so no exact wait can be promised: Retry-After is a pace for
     * well-behaved clients, not a reservation.
     */
    private ApiProblem refusal(EventStreamHub.Refused refused) {
        ApiProblem problem = switch (refused.reason) {
            case FULL -> new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "stream-full", "Too many subscribers",
                    "The event stream has as many subscribers as it serves; try again shortly.");
            case CLIENT_SHARE -> new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams", "Too many streams",
                    "This client already has " + refused.limit + " streams open, the most one client may have; "
                            + "close one, or try again later.").with("limit", refused.limit);
        };
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        return problem;
    }

    private long cursor(String lastEventId, Instant since) {
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                long seq = Long.parseLong(lastEventId.trim());
                if (seq < 0) {
                    throw new NumberFormatException();
                }
                return seq;
            } catch (NumberFormatException e) {
                throw ApiProblem.invalidInput("Last-Event-ID", "must be the id of an event this stream sent");
            }
        }
        return since != null ? store.cursorBefore(since) : store.head();
    }

    private static Instant since(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(since.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidInput("since", "must be an ISO-8601 instant, e.g. 2021-06-28T00:00:00Z");
        }
    }

    private static Set<String> set(List<String> values) {
        if (values == null) {
            return Set.of();
        }
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(v -> !v.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
