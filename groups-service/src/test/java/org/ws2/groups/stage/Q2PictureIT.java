package org.ws2.groups.stage;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ws2.groups.support.GroupsApiTestBase;

/**
 * The SO/AC picture of the WS2 implementation team's Q2 2021 update (28 June 2021), rebuilt through
 * the API and read back as each group's stage.
 */
class Q2PictureIT extends GroupsApiTestBase {

    private static final List<String> RECOMMENDATIONS = List.of("6.1.1", "6.1.2", "6.1.3");
    private static final List<String> TRIAGED_ONLY = List.of("RySG", "RrSG", "CSG", "BC", "IPC", "ISPCP", "NCSG",
            "NCUC", "NPOC", "ASO", "RSSAC", "SSAC");

    @Test
    void eachSoAcReachesTheStageTheUpdateReports() throws Exception {
        knownRecommendations(RECOMMENDATIONS.toArray(String[]::new));
        mvc.perform(get("/api/groups/ASO/stage")).andExpect(jsonPath("$.stage").value("NOT_STARTED"));

        // Support triages SO/AC accountability good practices 6.1.* to the SO/ACs and the GNSO groups,
        // which in the deck's "GNSO Groups" include the stakeholder groups CSG and NCSG...
        post("/api/assignments/bulk", staff(), """
                {"idPrefix":"6.1","groupIds":["ccNSO","GAC","ALAC","GNSO-Council","RySG","RrSG","CSG","BC","IPC",
                 "ISPCP","NCSG","NCUC","NPOC","ASO","RSSAC","SSAC"],"applicabilityNote":"SO/AC accountability good practice"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.created.length()").value(48));
        mvc.perform(get("/api/groups/ASO/stage")).andExpect(jsonPath("$.stage").value("TRIAGED"))
                .andExpect(jsonPath("$.sentence").value(
                        "Address Supporting Organization (ASO Address Council) – support team has conducted initial triage."));
        // ...and asks each to review and sign off.
        for (String group : List.of("ccNSO", "GAC", "ALAC", "GNSO-Council", "RySG", "RrSG", "CSG", "BC", "IPC",
                "ISPCP", "NCSG", "NCUC", "NPOC", "ASO", "RSSAC", "SSAC")) {
            post("/api/groups/" + group + "/sign-off-request", staff(), "{\"note\":\"Please review and sign off\"}")
                    .andExpect(status().isOk()).andExpect(jsonPath("$.count").value(3));
        }

        for (String group : List.of("ccNSO", "GAC", "GNSO-Council")) {
            for (String id : RECOMMENDATIONS) {
                post("/api/groups/" + group + "/assignments/" + id + "/triage", editorOf(group),
                        "{\"to\":\"SIGNED_OFF\"}").andExpect(status().isOk());
            }
            prioritize(group);
            post("/api/groups/" + group + "/priorities/approval", editorOf(group), approvalOfWhatIsRead(group))
                    .andExpect(jsonPath("$.count").value(3));
        }
        for (String group : List.of("ccNSO", "GAC")) {
            put("/api/groups/" + group + "/assignments/6.1.1/progress", editorOf(group),
                    "{\"progress\":\"IN_PROGRESS\",\"note\":\"Begun\"}", "\"4\"").andExpect(status().isOk());
        }
        prioritize("ALAC");

        stage("ccNSO", "IMPLEMENTING",
                "Country Code Names Supporting Organization – has reviewed recs, established priorities and begun implementing.");
        stage("GAC", "IMPLEMENTING",
                "Governmental Advisory Committee – has reviewed recs, established priorities and begun implementing.");
        stage("ALAC", "AWAITING_SIGN_OFF", "At-Large Advisory Committee – is reviewing and prioritizing.");
        stage("GNSO-Council", "PRIORITIZED", "GNSO Council – has reviewed recs and assigned priorities.");
        for (String group : TRIAGED_ONLY) {
            mvc.perform(get("/api/groups/" + group + "/stage")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.stage").value("AWAITING_SIGN_OFF"))
                    .andExpect(jsonPath("$.sentence").value(org.hamcrest.Matchers.endsWith(
                            " – support team has conducted initial triage; asked to review and sign off.")))
                    .andExpect(jsonPath("$.counts.signOffRequested").value(3));
        }
        mvc.perform(get("/api/groups/ALAC/stage"))
                .andExpect(jsonPath("$.counts.prioritiesDraft").value(3))
                .andExpect(jsonPath("$.counts.signOffRequested").value(3));
        mvc.perform(get("/api/groups/ccNSO/stage"))
                .andExpect(jsonPath("$.counts.signedOff").value(3))
                .andExpect(jsonPath("$.counts.prioritiesApproved").value(3))
                .andExpect(jsonPath("$.counts.inProgress").value(1));
        mvc.perform(get("/api/groups/CSG/stage")).andExpect(jsonPath("$.sentence").value(
                "Commercial Stakeholder Group – support team has conducted initial triage; asked to review and sign off."));
        mvc.perform(get("/api/groups/NO-SUCH/stage")).andExpect(status().isNotFound());
    }

    private void prioritize(String group) throws Exception {
        for (String id : RECOMMENDATIONS) {
            String path = "/api/groups/" + group + "/assignments/" + id;
            put(path + "/priority", editorOf(group), """
                    {"priority":"HIGH","effort":"MODERATE","urgency":"MEDIUM"}""", etag(path))
                    .andExpect(status().isOk());
        }
    }

    /** The approval of the group's drafts as the approver reads them now: each named with its version. */
    private String approvalOfWhatIsRead(String group) throws Exception {
        List<String> approve = new java.util.ArrayList<>();
        for (String id : RECOMMENDATIONS) {
            String version = etag("/api/groups/" + group + "/assignments/" + id).replace("\"", "");
            approve.add("{\"recommendationId\":\"" + id + "\",\"version\":" + version + "}");
        }
        return "{\"approve\":[" + String.join(",", approve) + "]}";
    }

    private void stage(String group, String stage, String sentence) throws Exception {
        mvc.perform(get("/api/groups/" + group + "/stage")).andExpect(status().isOk())
                .andExpect(jsonPath("$.groupId").value(group))
                .andExpect(jsonPath("$.stage").value(stage))
                .andExpect(jsonPath("$.sentence").value(sentence));
    }
}
