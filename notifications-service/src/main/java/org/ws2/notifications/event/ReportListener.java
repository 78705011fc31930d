package org.ws2.notifications.event;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.report.ReportEvent;
import org.ws2.contracts.report.ReportEvents.EditionPublished;
import org.ws2.notifications.notice.NoticeKind;
import org.ws2.service.events.AppliesEvents;

/**
 * A quarterly update edition, published or corrected, reaches those who follow reports: the subscriptions
 * whose filters it matches. It concerns no recommendation, group, topic or engagement kind, so that is a
 * subscription naming its event type (and nothing else), or one with no filters, which follows everything.
 * It is read from the public topic: it names no person.
 */
@Component
@RequiredArgsConstructor
class ReportListener {

    /** Where people read an edition (web module): a page, never the API. */
    static final String REPORT_PAGE = "/reports/";

    private final Deliveries deliveries;

    @AppliesEvents(RecommendationListener.CONSUMER)
    void tell(ReportEvent event, CloudEvent envelope) {
        if (event instanceof EditionPublished edition) {
            String name = "The " + (edition.label() == null || edition.label().isBlank() ? edition.quarter()
                    : edition.label().strip()) + " update";
            boolean correction = edition.revision() > 1;
            String subject = name + (correction ? " is corrected" : " is published");
            String note = edition.correctionNote() == null || edition.correctionNote().isBlank() ? null
                    : edition.correctionNote().strip();
            String message = subject + (correction && note != null ? ": " + note : ".");
            deliveries.tell(Happening.of(envelope, NoticeKind.REPORT_PUBLISHED, subject, message,
                    REPORT_PAGE + edition.quarter(), null, null, null, null, null, List.of()), List.of(), List.of());
        }
    }
}
