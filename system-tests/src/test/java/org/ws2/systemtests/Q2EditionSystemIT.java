package org.ws2.systemtests;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ws2.systemtests.support.SharedStackJourney;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.systemtests.support.Responses.json;
import static org.ws2.systemtests.support.Responses.texts;

/**
 * Issue 21's worked example: the shared stack loads {@code scripts/q2-2021.calls}, which ends by writing and
 * publishing the 2021-Q2 edition; the published edition states everything the deck
 * ({@code ../shared/seed/ws2-implementation-update-2021-06-28.txt}) states. The deck is held against the edition
 * statement by statement: each of its statements, and where the edition says it (a generated fact, or the team's
 * words in the deck's own wording).
 */
class Q2EditionSystemIT extends SharedStackJourney {

    /** One statement of the deck, and what the published edition's Markdown must say for it. */
    record Statement(String deck, List<String> edition) {

        Statement(String deck, String... edition) {
            this(deck, List.of(edition));
        }
    }

    private static final String SG_CS = "GNSO SG/Cs (CSG, NCSG, RrSG, RySG, BC, IPC, ISPCP, NCUC, NPOC)";
    private static final String ORG_FUNCTIONS = "Implementation Operations, Finance & Procurement, Policy Development "
            + "Support, Governance, Ombudsman, Human Resources, Communications, Public Responsibility Support, Reviews "
            + "Support & Accountability, GSE, Gov. & IGOs Engagement, IT, Meetings, ...";

    /** Every statement of the deck, in its order; a group's line stands under its generated stage sentence. */
    static final List<Statement> DECK = List.of(
            new Statement("Implementing Work Stream 2 Recommendations / WS2-Implementation Team / Q2 2021",
                    "# Implementing Work Stream 2 Recommendations – Q2 2021", "WS2 implementation update, Q2 2021"),
            new Statement("28 June 2021", "- Reporting – This update to the community, Q2 2021, 28 June 2021"),
            new Statement("ccNSO – has reviewed recs, established priorities and begun implementing those recs it "
                    + "believes are for individual groups to implement.",
                    "- ccNSO – has reviewed recs, established priorities and begun implementing.\n"
                            + "  - _Begun implementing those recs it believes are for individual groups to implement._"),
            new Statement("ALAC – is reviewing and prioritizing WS2 and Reviews.",
                    "- ALAC – is reviewing and prioritizing.\n  - _Is reviewing and prioritizing WS2 and Reviews._"),
            new Statement("GNSO Council - has reviewed recs and assigned priorities; recognizes that much of the "
                    + "implementation is for GNSO SG/Cs.",
                    "- GNSO Council – has reviewed recs and assigned priorities.\n"
                            + "  - _Recognizes that much of the implementation is for GNSO SG/Cs._"),
            new Statement("GNSO Groups - support team has conducted initial triage; SG/Cs have been asked to review "
                    + "and sign off.",
                    "- " + SG_CS + " – support team has conducted initial triage; asked to review and sign off.",
                    "- GNSO Groups - SG/Cs have been asked to review and sign off."),
            new Statement("GAC - has reviewed recs, established priorities and begun implementing those recs it "
                    + "believes are for individual groups to implement.",
                    "- GAC – has reviewed recs, established priorities and begun implementing.\n"
                            + "  - _Begun implementing those recs it believes are for individual groups to implement._"),
            new Statement("ASO, RSSAC, SSAC – support team has conducted initial triage - all three Groups have been "
                    + "asked to review and sign off.",
                    "- ASO – support team has conducted initial triage; asked to review and sign off.",
                    "- RSSAC – support team has conducted initial triage; asked to review and sign off.",
                    "- SSAC – support team has conducted initial triage; asked to review and sign off.",
                    "- ASO, RSSAC, SSAC - all three Groups have been asked to review and sign off."),
            new Statement("Preparatory work conducted to inform SO/AC work",
                    "- Preparatory work conducted to inform SO/AC work"),
            new Statement("Flagged as would require community coordination & prioritization: Diversity: 1.1 - "
                    + "diversity elements",
                    "- Requires community coordination & prioritization: 1.1 – ", "Diversity: 1.1 - diversity elements"),
            new Statement("Flagged as would require community coordination & prioritization: Diversity: 1.7 - process "
                    + "for dealing with diversity complaints/issues",
                    "- Requires community coordination & prioritization: 1.7 – ",
                    "1.7 - process for dealing with diversity complaints/issues"),
            new Statement("Flagged as would require community coordination & prioritization: Guidelines for Good "
                    + "Faith: 2.3 - standalone recommendations",
                    "- Requires community coordination & prioritization: 2.3 – ",
                    "Guidelines for Good Faith: 2.3 - standalone recommendations"),
            new Statement("Flagged as would benefit from community coordination & prioritization: FOI-HR",
                    "- Would benefit from community coordination & prioritization: 3.1 – ",
                    "would benefit from community coordination & prioritization: FOI-HR"),
            new Statement("Conversation started with SO/AC Leadership Roundtable to evaluate interest for a "
                    + "cross-community structure: share information and best practices (including tools); organize "
                    + "the community's reporting and communications",
                    "- Conversation started with SO/AC Leadership Roundtable to evaluate interest for a "
                            + "cross-community structure",
                    "Share information and best practices (including tools)",
                    "Organize the community's reporting and communications"),
            new Statement("WS2 - an org Priority in FY21 - FY22", "- WS2 - an org Priority in FY21 - FY22"),
            new Statement("Org: " + ORG_FUNCTIONS, "- Org: " + ORG_FUNCTIONS),
            new Statement("Implementation planning / Target: Q3 2021",
                    "- Implementation planning – Target: Q3 2021 – In progress\n"),
            new Statement("Implementation underway / Documenting implementation",
                    " implementation underway, ", " documenting implementation, "),
            new Statement("Engagement [webinar conducted in May, ICANN71]",
                    "- Engagement – Webinar conducted in May, ICANN71"),
            new Statement("Providing support to community groups", "- Providing support to community groups – "),
            new Statement("Reporting", "- Reporting – "),
            new Statement("WS2-IT Meeting - 7 May 2021 / Meeting materials - "
                    + "<https://community.icann.org/pages/viewpage.action?pageId=164627115>",
                    "- WS2-IT Meeting - 7 May 2021 (2021-05-07",
                    "[WS2-IT Meeting - 7 May 2021 – Meeting materials]"
                            + "(https://community.icann.org/pages/viewpage.action?pageId=164627115)"),
            new Statement("ICANN Webinar on Work Stream 2 Implementation - 25 May 2021 / Meeting materials - "
                    + "<https://community.icann.org/display/IO/Webinars>",
                    "- ICANN Webinar on Work Stream 2 Implementation - 25 May 2021 (2021-05-25",
                    "[ICANN Webinar on Work Stream 2 Implementation - 25 May 2021 – Meeting materials]"
                            + "(https://community.icann.org/display/IO/Webinars)"),
            new Statement("A.O.B (agenda item 3, nothing under it)", "## A.O.B.\n\n_None._"),
            new Statement("Thank You / implementationoperations@icann.org",
                    "## Contact\n\n- implementationoperations@icann.org"));

    @Test
    void thePublishedQ2EditionStatesEverythingTheDeckStates() {
        HttpResponse<String> md = gateway.send(
                gateway.request("/api/reports/editions/2021-Q2?format=md", null).GET());
        assertThat(md.statusCode()).as(md.body()).isEqualTo(200);
        for (Statement statement : DECK) {
            statement.edition().forEach(text -> assertThat(md.body())
                    .as("the deck says: %s%nthe edition:%n%s", statement.deck(), md.body()).contains(text));
        }

        JsonNode edition = json(gateway.get("/api/reports/editions/2021-Q2", null));
        assertThat(edition.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(edition.path("revision").asInt()).isEqualTo(1);
        assertThat(texts(edition.path("revisions"), "revision")).containsExactly("1");
        assertThat(edition.has("sections")).as("an anonymous reader gets the content as frozen").isFalse();
        // each line stands beside its own group's generated sentence, not another's
        assertThat(editorialOf(edition, "ccNSO"))
                .containsExactly("Begun implementing those recs it believes are for individual groups to implement.");
        assertThat(editorialOf(edition, "GAC"))
                .containsExactly("Begun implementing those recs it believes are for individual groups to implement.");
        assertThat(editorialOf(edition, "GNSO-Council"))
                .containsExactly("Recognizes that much of the implementation is for GNSO SG/Cs.");
        assertThat(editorialOf(edition, "ALAC")).containsExactly("Is reviewing and prioritizing WS2 and Reviews.");
        assertThat(editorialOf(edition, "ASO")).isEmpty();
        JsonNode milestone = edition.path("milestones").get(0);
        assertThat(milestone.path("targetQuarter").asString()).isEqualTo("2021-Q3");
        assertThat(milestone.path("late").asBoolean()).as("Q3 2021 had not ended on 30 June 2021").isFalse();
        assertThat(edition.path("contact").asString()).isEqualTo("implementationoperations@icann.org");

        HttpResponse<String> list = gateway.get("/api/reports/editions", null);
        assertThat(texts(json(list), "quarter")).contains("2021-Q2");
        HttpResponse<String> feed = gateway.send(gateway.request("/reports/editions.atom", null)
                .setHeader("Accept", "application/atom+xml").GET());
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        assertThat(feed.body()).contains("<title>WS2 implementation update, Q2 2021</title>")
                .contains("/reports/2021-Q2?revision=1</id>");
    }

    private static List<String> editorialOf(JsonNode edition, String groupId) {
        for (JsonNode line : edition.path("soacWork")) {
            List<String> groupIds = new ArrayList<>();
            line.path("groupIds").forEach(id -> groupIds.add(id.asString()));
            if (groupIds.contains(groupId)) {
                List<String> editorial = new ArrayList<>();
                line.path("editorial").forEach(text -> editorial.add(text.asString()));
                return editorial;
            }
        }
        throw new AssertionError(groupId + " has no stage sentence in " + edition.path("soacWork"));
    }
}
