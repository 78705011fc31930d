package org.ws2.systemtests;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ws2.systemtests.support.SharedStackJourney;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ws2.systemtests.support.Responses.assertProblem;
import static org.ws2.systemtests.support.Responses.json;
import static org.ws2.systemtests.support.Responses.texts;

/**
 * Issue 8's acceptance: the Q2 2021 data loaded through the gateway with the dates it happened (the shared stack
 * loads {@code scripts/q2-2021.calls} when it starts, before any later change of the same groups); then the
 * quarterly report shows the deck's SO/AC lines, flags and engagements, and as of 1 April 2021 none of them.
 */
class QuarterlyReportSystemIT extends SharedStackJourney {

    static final List<String> DECK = List.of(
            "ccNSO – has reviewed recs, established priorities and begun implementing.",
            "GAC – has reviewed recs, established priorities and begun implementing.",
            "ALAC – is reviewing and prioritizing.",
            "GNSO Council – has reviewed recs and assigned priorities.",
            "GNSO SG/Cs (CSG, NCSG, RrSG, RySG, BC, IPC, ISPCP, NCUC, NPOC) – support team has conducted initial "
                    + "triage; asked to review and sign off.",
            "ASO – support team has conducted initial triage; asked to review and sign off.",
            "RSSAC – support team has conducted initial triage; asked to review and sign off.",
            "SSAC – support team has conducted initial triage; asked to review and sign off.");

    @Test
    void theQ2UpdateLoadedWithItsDatesIsWhatTheQuarterlyReportSays() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode q = json(gateway.get("/api/reports/quarterly/2021-Q2", null));
            assertThat(texts(q.path("soacWork"), "sentence")).containsExactlyInAnyOrderElementsOf(DECK);
            assertThat(texts(q.path("coordinationRequired"), "id")).containsExactly("1.1", "1.7", "2.3");
            assertThat(texts(q.path("coordinationWouldBenefit"), "id")).containsExactly("3.1");
            assertThat(texts(q.path("engagements"), "title")).containsExactly("WS2-IT Meeting - 7 May 2021",
                    "ICANN Webinar on Work Stream 2 Implementation - 25 May 2021");
            assertThat(texts(q.path("links"), "url")).contains(
                    "https://community.icann.org/pages/viewpage.action?pageId=164627115",
                    "https://community.icann.org/display/IO/Webinars");
        });
        HttpResponse<String> html = gateway.send(gateway.request("/api/reports/quarterly/2021-Q2?format=html", null).GET());
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        DECK.forEach(sentence -> assertThat(html.body()).contains(sentence));

        JsonNode before = json(gateway.get("/api/reports/quarterly/2021-Q2?asOf=2021-04-01", null));
        assertThat(before.path("soacWork")).isEmpty();
        assertThat(before.path("coordinationRequired")).isEmpty();
        assertThat(before.path("coordinationWouldBenefit")).isEmpty();
        assertThat(before.path("engagements")).isEmpty();
        assertProblem(gateway.get("/api/reports/quarterly/2021-Q2?format=docx", null), 400);
    }
}
