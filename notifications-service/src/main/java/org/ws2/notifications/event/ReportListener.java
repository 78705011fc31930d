package org.ws2.notifications.event;

import java.net.URI;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.recommendation.Programmes;
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

    /** What people are told of a published edition, and the page it links to (a path of the tracker's pages). */
    record EditionNotice(String subject, String message, String link) {

        /** WS2's edition reads as before programmes; another programme's names it (issue 21). */
        static EditionNotice of(EditionPublished edition) {
            String programme = edition.programmeOrWs2();
            String name = "The " + (edition.label() == null || edition.label().isBlank() ? edition.quarter()
                    : edition.label().strip()) + (Programmes.WS2.equals(programme) ? "" : " " + programme) + " update";
            boolean correction = edition.revision() > 1;
            String subject = name + (correction ? " is corrected" : " is published");
            String note = edition.correctionNote() == null || edition.correctionNote().isBlank() ? null
                    : edition.correctionNote().strip();
            return new EditionNotice(subject, subject + (correction && note != null ? ": " + note : "."),
                    page(edition, programme));
        }

        /**
         * The page the event's URL names, as the path and query of a tracker page (emails put the public base URL
         * before it): the URL's own when it is an edition page, else the quarter's page of the programme.
         */
        private static String page(EditionPublished edition, String programme) {
            try {
                URI url = edition.url() == null ? null : URI.create(edition.url());
                if (url != null && url.getRawPath() != null && url.getRawPath().startsWith(REPORT_PAGE)) {
                    return url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
                }
            } catch (IllegalArgumentException malformed) {
                // the quarter and programme still say which page it is
            }
            return REPORT_PAGE + edition.quarter()
                    + (Programmes.WS2.equals(programme) ? "" : "?programme=" + programme);
        }
    }

    @AppliesEvents(RecommendationListener.CONSUMER)
    void tell(ReportEvent event, CloudEvent envelope) {
        if (event instanceof EditionPublished edition) {
            EditionNotice notice = EditionNotice.of(edition);
            deliveries.tell(Happening.of(envelope, NoticeKind.REPORT_PUBLISHED, notice.subject(), notice.message(),
                    notice.link(), null, null, null, null, null, List.of()), List.of(), List.of());
        }
    }
}
