package org.ws2.notifications.notice;

import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's own inbox: a bearer token is required even to read it, unlike the published data. */
@RestController
@Tag(name = "Notifications")
@PreAuthorize("isAuthenticated()")
@RequiredArgsConstructor
class InboxController {

    static final int MAX_PAGE_SIZE = 200;

    private final Notices notices;

    @GetMapping("/api/notifications")
    @Operation(summary = "The caller's notices: unread first, then newest first")
    InboxPage list(
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "notices per page, 1 to " + MAX_PAGE_SIZE)
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw ApiProblem.invalidInput("page", "page must be 0 or more, not " + page + ".");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.invalidInput("size", "size must be between 1 and " + MAX_PAGE_SIZE + ", not " + size + ".");
        }
        Actor actor = Actor.current();
        List<String> recipients = Recipients.of(actor);
        return new InboxPage(notices.page(recipients, actor.name(), page, size), page, size,
                notices.count(recipients, actor.name()), notices.unread(recipients, actor.name()));
    }

    @PostMapping("/api/notifications/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Marks one of the caller's notices read")
    void read(@PathVariable UUID id) {
        Actor actor = Actor.current();
        if (!notices.markRead(id, Recipients.of(actor), actor.name())) {
            throw ApiProblem.notFound("Notice", id.toString());
        }
    }

    @PostMapping("/api/notifications/read-all")
    @Operation(summary = "Marks all of the caller's notices read")
    ReadAll readAll() {
        Actor actor = Actor.current();
        return new ReadAll(notices.markAllRead(Recipients.of(actor), actor.name()));
    }

    /**
     * @param total  how many notices the caller has, over all pages
     * @param unread how many of them the caller has not read
     */
    record InboxPage(List<Notice> items, int page, int size, long total, long unread) {
    }

    /** @param marked how many notices were unread until now */
    record ReadAll(int marked) {
    }
}
