package org.ws2.web.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.MultiValueMap;
import org.ws2.web.Forms;
import org.ws2.web.PageIT;
import org.ws2.web.StubGateway.Answer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Support staff keep the group registry in the browser (issue 20 item 4): a group's contacts, members,
 * parent and note on its page, a new group on the groups page, a group retired with a reason. Each form
 * goes to the groups service's API as it is (PUT with If-Match, POST); a refusal comes back beside the
 * field it names with what was typed, and changes nothing.
 */
class GroupRegistryPageIT extends PageIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String GROUP = """
            {"id":"SOAC-LRT","name":"SO/AC Leadership Roundtable","kind":"CROSS_COMMUNITY","parent":null,
             "source":"https://community.icann.org/soac","note":"Meets monthly.",
             "contacts":[{"name":"Ana Chair","email":"ana.chair@example.org","role":"CHAIR"}],
             "members":[{"groupId":"ALAC","name":"Al Rep","email":"al.rep@example.org","role":"MEMBER"}],
             "retired":false,"version":7}""";

    @BeforeEach
    void theApi() {
        GATEWAY.on("GET /api/groups/SOAC-LRT", new Answer(200, GROUP, "\"7\""))
                .on("GET /api/assignments", "{\"items\":[],\"total\":0}")
                .on("GET /api/groups", """
                        {"items":[{"id":"ALAC","name":"At-Large Advisory Committee","kind":"AC"},
                                  {"id":"GAC","name":"Governmental Advisory Committee","kind":"AC"},
                                  {"id":"SOAC-LRT","name":"SO/AC Leadership Roundtable","kind":"CROSS_COMMUNITY"}],"total":3}""");
    }

    @Test
    void supportChangesTheChairsAddressAndAddsALiaisonInOnePutNamingTheVersionShown() throws Exception {
        signIn("sam.support", "support-staff");
        MultiValueMap<String, String> form = registryForm();
        assertThat(form.getFirst("contacts[0].email")).isEqualTo("ana.chair@example.org");
        assertThat(form.getFirst("version")).isEqualTo("7");
        GATEWAY.on("PUT /api/groups/SOAC-LRT", new Answer(200, GROUP, "\"8\""));

        HttpResponse<String> answered = browser.post(page("/groups/SOAC-LRT/registry"), Forms.encoded(form, Map.of(
                "contacts[0].email", List.of("chair@example.org"), "contacts[1].name", List.of("Bo Liaison"),
                "contacts[1].role", List.of("LIAISON"), "note", List.of("Meets monthly, online."),
                "changeNote", List.of("New chair address"))));

        assertRedirected(answered, "/groups/SOAC-LRT#registry");
        assertThat(GATEWAY.changes()).hasSize(1).first().asString().startsWith("PUT /api/groups/SOAC-LRT auth=true if-match=\"7\"");
        JsonNode sent = JSON.readTree(last().body());
        assertThat(sent.path("contacts").toString()).isEqualTo("[{\"name\":\"Ana Chair\",\"email\":\"chair@example.org\",\"role\":\"CHAIR\"},"
                + "{\"name\":\"Bo Liaison\",\"email\":null,\"role\":\"LIAISON\"}]");
        assertThat(sent.path("members").toString())
                .isEqualTo("[{\"groupId\":\"ALAC\",\"name\":\"Al Rep\",\"email\":\"al.rep@example.org\",\"role\":\"MEMBER\"}]");
        // the PUT replaces every field: what the form did not change goes back as the page showed it
        assertThat(sent.path("name").asString()).isEqualTo("SO/AC Leadership Roundtable");
        assertThat(sent.path("kind").asString()).isEqualTo("CROSS_COMMUNITY");
        assertThat(sent.path("source").asString()).isEqualTo("https://community.icann.org/soac");
        assertThat(sent.path("note").asString()).isEqualTo("Meets monthly, online.");
        assertThat(sent.path("changeNote").asString()).isEqualTo("New chair address");
    }

    @Test
    void aRefusedAddressIsShownBesideThatContactsAddressWithEverythingAsTyped() throws Exception {
        signIn("sam.support", "support-staff");
        MultiValueMap<String, String> form = registryForm();
        GATEWAY.on("PUT /api/groups/SOAC-LRT", Answer.problem(400, "contacts[0].email",
                "contacts[0].email: must be a well-formed email address"));

        HttpResponse<String> answered = browser.post(page("/groups/SOAC-LRT/registry"), Forms.encoded(form, Map.of(
                "contacts[0].email", List.of("not-an-address"), "note", List.of("Typed note"))));

        assertThat(answered.statusCode()).isEqualTo(200);
        String body = answered.body();
        String field = Forms.input(body, "contacts[0].email");
        assertThat(field).contains("value=\"not-an-address\"").contains("aria-invalid=\"true\"");
        // beside the address: between its input and the next contact's name
        assertThat(Forms.between(body, "name=\"contacts[0].email\"", "name=\"contacts[1].name\""))
                .contains("must be a well-formed email address");
        assertThat(Forms.between(body, "id=\"rg-note\"", "</textarea>")).contains("Typed note");
        assertThat(GATEWAY.changes()).hasSize(1);
    }

    @Test
    void aChangeMadeElsewhereSinceAsksForAReload() throws Exception {
        signIn("sam.support", "support-staff");
        MultiValueMap<String, String> form = registryForm();
        GATEWAY.on("PUT /api/groups/SOAC-LRT", new Answer(412, """
                {"type":"urn:ws2:problem:stale-version","title":"Stale version","status":412,"detail":"Changed since."}""", null));

        String body = browser.post(page("/groups/SOAC-LRT/registry"), Forms.encoded(form)).body();

        assertThat(Forms.between(body, "id=\"registry-heading\"", "</section>"))
                .contains("Someone else changed this since you opened the page. Reload the page");
    }

    @Test
    void everyoneSeesTheContactsNamesAndRolesButOnlySupportHasTheForms() throws Exception {
        GATEWAY.on("GET /api/groups/SOAC-LRT", new Answer(200, GROUP.replace("\"ana.chair@example.org\"", "null")
                .replace("\"al.rep@example.org\"", "null"), "\"7\""));

        String body = browser.get(page("/groups/SOAC-LRT")).body();

        assertThat(body).contains("Ana Chair").contains("Chair").contains("Al Rep").doesNotContain("mailto:")
                .doesNotContain("action=\"/groups/SOAC-LRT/registry\"").doesNotContain("action=\"/groups/SOAC-LRT/retirement\"");
    }

    @Test
    void supportSeesTheAddressesTheApiGivesThem() throws Exception {
        signIn("sam.support", "support-staff");

        String body = browser.get(page("/groups/SOAC-LRT")).body();

        assertThat(Forms.between(body, "id=\"contacts-heading\"", "</section>")).contains("mailto:ana.chair@example.org");
    }

    @Test
    void aGroupIsRetiredWithAReasonAndWithoutOneTheReasonIsAskedFor() throws Exception {
        signIn("sam.support", "support-staff");
        String shown = browser.get(page("/groups/SOAC-LRT")).body();
        MultiValueMap<String, String> form = Forms.of(shown, "/groups/SOAC-LRT/retirement");
        GATEWAY.on("POST /api/groups/SOAC-LRT/retirement", request -> request.body().contains("\"reason\":\"\"")
                ? Answer.problem(400, "reason", "reason: must not be blank") : new Answer(200, GROUP, "\"8\""));

        HttpResponse<String> blank = browser.post(page("/groups/SOAC-LRT/retirement"), Forms.encoded(form));
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(Forms.between(blank.body(), "name=\"reason\"", "</form>")).contains("must not be blank");

        HttpResponse<String> retired = browser.post(page("/groups/SOAC-LRT/retirement"),
                Forms.encoded(form, Map.of("reason", List.of("Merged into the SO/AC chairs' group"))));
        assertThat(retired.statusCode()).isEqualTo(302);
        assertThat(GATEWAY.changes().get(GATEWAY.changes().size() - 1)).isEqualTo("POST /api/groups/SOAC-LRT/retirement auth=true if-match=\"7\" "
                + "{\"reason\":\"Merged into the SO/AC chairs' group\"}");
    }

    @Test
    void aRetiredGroupSaysWhyAndOffersNoForms() throws Exception {
        signIn("sam.support", "support-staff");
        GATEWAY.on("GET /api/groups/SOAC-LRT", new Answer(200, GROUP.replace("\"retired\":false",
                "\"retired\":true,\"retiredReason\":\"Wound up in 2024\""), "\"8\""));

        String body = browser.get(page("/groups/SOAC-LRT")).body();

        assertThat(body).contains("Wound up in 2024").doesNotContain("action=\"/groups/SOAC-LRT/registry\"");
    }

    @Test
    void supportCreatesAGroupFromTheGroupsPageAndARefusedIdIsShownBesideIt() throws Exception {
        signIn("sam.support", "support-staff");
        String list = browser.get(page("/groups")).body();
        MultiValueMap<String, String> form = Forms.of(list, "/groups");
        Map<String, List<String>> typed = Map.of("id", List.of("CCWG-X"), "name", List.of("A cross-community working group"),
                "kind", List.of("CROSS_COMMUNITY"), "note", List.of("Chartered 2026"));
        GATEWAY.on("POST /api/groups", Answer.problem(409, "id", "There is already a group with id 'CCWG-X'."));

        HttpResponse<String> refused = browser.post(page("/groups"), Forms.encoded(form, typed));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(Forms.between(refused.body(), "name=\"id\"", "name=\"name\"")).contains("There is already a group with id");
        assertThat(Forms.input(refused.body(), "name")).contains("value=\"A cross-community working group\"");

        GATEWAY.on("POST /api/groups", Answer.created("{\"id\":\"CCWG-X\",\"version\":0}"));
        HttpResponse<String> created = browser.post(page("/groups"), Forms.encoded(form, typed));

        assertRedirected(created, "/groups/CCWG-X");
        JsonNode sent = JSON.readTree(last().body());
        assertThat(sent.toString()).isEqualTo("{\"id\":\"CCWG-X\",\"name\":\"A cross-community working group\","
                + "\"kind\":\"CROSS_COMMUNITY\",\"parent\":null,\"source\":null,\"note\":\"Chartered 2026\"}");
    }

    @Test
    void aGroupEditorGetsNoCreateForm() throws Exception {
        signIn("erin.editor", "group-editor", "ALAC");

        String list = browser.get(page("/groups")).body();

        assertThat(list).doesNotContain("action=\"/groups\"");
    }

    private static org.ws2.web.StubGateway.Request last() {
        List<org.ws2.web.StubGateway.Request> requests = GATEWAY.requests();
        return requests.get(requests.size() - 1);
    }

    private MultiValueMap<String, String> registryForm() throws Exception {
        URI group = page("/groups/SOAC-LRT");
        HttpResponse<String> shown = browser.get(group);
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        return Forms.of(shown.body(), "/groups/SOAC-LRT/registry");
    }
}
