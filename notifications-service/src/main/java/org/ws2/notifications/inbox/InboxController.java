package org.ws2.notifications.inbox;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.service.problem.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Notifications", description = "The in-app inbox of what happened to the recommendations")
class InboxController {

    static final int MAX_PAGE_SIZE = 200;

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/notifications")
    @Operation(summary = "The in-app inbox, newest first")
    NotificationPage list(
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "notifications per page, 1 to " + MAX_PAGE_SIZE)
            @RequestParam(defaultValue = "50") int size,
            @Parameter(description = "only notifications about this recommendation, e.g. 1.1")
            @RequestParam(required = false) String recommendationId) {
        if (page < 0) {
            throw ApiProblem.invalidInput("page", "page must be 0 or more, not " + page + ".");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.invalidInput("size", "size must be between 1 and " + MAX_PAGE_SIZE + ", not " + size + ".");
        }
        return new NotificationPage(inbox.newestFirst(recommendationId, page, size), page, size,
                inbox.count(recommendationId));
    }

    /** @param total how many notifications match, over all pages */
    record NotificationPage(List<Notification> items, int page, int size, long total) {
    }
}
