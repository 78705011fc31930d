package org.ws2.web.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.MultiValueMap;
import org.ws2.web.Forms;
import org.ws2.web.PageIT;
import org.ws2.web.StubGateway.Answer;

/**
 * Support triage one recommendation to the groups they choose (issue 20 item 4), not only whole topics to
 * kinds of group: one bulk triage call naming the recommendation and the groups.
 */
class TriageToChosenGroupsIT extends PageIT {

    @BeforeEach
    void theApi() {
        GATEWAY.on("GET /api/groups", """
                        {"items":[{"id":"ALAC","name":"At-Large Advisory Committee","kind":"AC"},
                                  {"id":"GAC","name":"Governmental Advisory Committee","kind":"AC"},
                                  {"id":"GNSO","name":"Generic Names Supporting Organization","kind":"SO"}],"total":3}""")
                .on("GET /api/topics", "[{\"prefix\":\"6\",\"name\":\"Diversity\"}]")
                .on("GET /api/assignments", "{\"items\":[],\"total\":0}");
        signIn("sam.support", "support-staff");
    }

    @Test
    void theChosenGroupsGetTheRecommendationInOneCall() throws Exception {
        String shown = browser.get(page("/workspace?recommendation=6.1.1")).body();
        MultiValueMap<String, String> form = Forms.of(shown, "/workspace/triage-one");
        assertThat(form.getFirst("recommendationId")).isEqualTo("6.1.1");
        GATEWAY.on("POST /api/assignments/bulk", Answer.ok("""
                {"groupIds":["ALAC","GAC"],"recommendationIds":["6.1.1"],"created":["ALAC:6.1.1"],"alreadyAssigned":["GAC:6.1.1"]}"""));

        HttpResponse<String> answered = browser.post(page("/workspace/triage-one"), Forms.encoded(form,
                Map.of("groupIds", List.of("ALAC", "GAC"), "applicabilityNote", List.of("Applies to advisory committees"))));

        assertThat(GATEWAY.changes()).containsExactly("POST /api/assignments/bulk auth=true if-match=null "
                + "{\"recommendationIds\":[\"6.1.1\"],\"groupIds\":[\"ALAC\",\"GAC\"],\"applicabilityNote\":\"Applies to advisory committees\"}");
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("6.1.1 is now assigned to ALAC.").contains("GAC already had it.");
    }

    @Test
    void anUnknownRecommendationIsShownBesideItsIdWithTheGroupsStillChosen() throws Exception {
        String shown = browser.get(page("/workspace")).body();
        MultiValueMap<String, String> form = Forms.of(shown, "/workspace/triage-one");
        GATEWAY.on("POST /api/assignments/bulk", Answer.problem(422, "recommendationIds",
                "This service has not heard of recommendation 66.1"));

        HttpResponse<String> answered = browser.post(page("/workspace/triage-one"), Forms.encoded(form,
                Map.of("recommendationId", List.of("66.1"), "groupIds", List.of("GNSO"))));

        assertThat(answered.statusCode()).isEqualTo(200);
        String triageOne = Forms.between(answered.body(), "action=\"/workspace/triage-one\"", "</form>");
        assertThat(Forms.between(triageOne, "name=\"recommendationId\"", "<fieldset")).contains("has not heard of recommendation 66.1");
        assertThat(Forms.input(triageOne, "recommendationId")).contains("value=\"66.1\"").contains("aria-invalid=\"true\"");
        assertThat(Forms.of(answered.body(), "/workspace/triage-one").get("groupIds")).containsExactly("GNSO");
    }
}
