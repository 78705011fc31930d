package org.ws2.notifications.schedule;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Support's list of sign-off requests left unanswered longer than the configured period. */
@RestController
@Tag(name = "Notifications")
@RequiredArgsConstructor
class OverdueController {

    private final PendingSignOffs pending;
    private final ScheduleProperties properties;

    @GetMapping("/api/notifications/overdue-sign-offs")
    @PreAuthorize("hasAnyRole('support-staff','admin')")
    @Operation(summary = "Sign-off requests unanswered for longer than ws2.notifications.schedule.remind-after, oldest first")
    List<PendingSignOffs.Pending> overdue() {
        return pending.overdue(properties.remindAfter());
    }
}
