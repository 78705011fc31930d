package org.ws2.notifications.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.ws2.contracts.report.ReportEvents.EditionPublished;
import org.ws2.notifications.event.ReportListener.EditionNotice;

/** What people are told of a published edition: WS2's as before programmes, another programme's naming it. */
class ReportListenerTest {

    static final Instant AT = Instant.parse("2021-07-20T09:00:00Z");

    @Test
    void aWs2EditionReadsAsBeforeProgrammesAndLinksToItsPage() {
        EditionNotice notice = EditionNotice.of(edition(1, null, "https://tracker.example/reports/2021-Q2", "WS2"));

        assertThat(notice).isEqualTo(new EditionNotice("The Q2 2021 update is published",
                "The Q2 2021 update is published.", "/reports/2021-Q2"));
        assertThat(EditionNotice.of(edition(1, null, "https://tracker.example/reports/2021-Q2", null)))
                .as("an event of before programmes is WS2's").isEqualTo(notice);
    }

    @Test
    void anotherProgrammesEditionIsNamedAndLinksToTheEventsUrl() {
        EditionNotice notice = EditionNotice.of(edition(2, "Fixed the ATRT3 count",
                "https://tracker.example/reports/2021-Q2?programme=ATRT3", "ATRT3"));

        assertThat(notice).isEqualTo(new EditionNotice("The Q2 2021 ATRT3 update is corrected",
                "The Q2 2021 ATRT3 update is corrected: Fixed the ATRT3 count", "/reports/2021-Q2?programme=ATRT3"));
    }

    @Test
    void aUrlThatIsNoEditionPageStillLinksToTheProgrammesPage() {
        assertThat(EditionNotice.of(edition(1, null, "not a url at all", "ATRT3")).link())
                .isEqualTo("/reports/2021-Q2?programme=ATRT3");
        assertThat(EditionNotice.of(edition(1, null, null, "WS2")).link()).isEqualTo("/reports/2021-Q2");
    }

    private static EditionPublished edition(int revision, String note, String url, String programme) {
        return new EditionPublished("2021-Q2", "Q2 2021", revision, revision + 3L, url, AT, note, programme);
    }
}
