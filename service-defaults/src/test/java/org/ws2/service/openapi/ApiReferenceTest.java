package org.ws2.service.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;

class ApiReferenceTest {

    private final ApiReference reference = new ApiReference(new Contact().name("WS2 support").url("https://example.org"));

    static class Controller {
        public void read() {
        }

        @PreAuthorize("hasAnyRole('support-staff', 'admin')")
        public void change() {
        }

        @PreAuthorize("hasAnyRole('admin', 'group-editor')")
        public void prioritize() {
        }
    }

    @Test
    void describesWhatWhoAndWhichProblemsAndDeclaresTheTags() throws Exception {
        Operation read = operation("read", "Groups").summary("One group");
        Operation change = operation("change", "Groups").summary("Retire a group").description("It is kept.");
        Operation prioritize = operation("prioritize", "Assignments").summary("Set the priority");
        OpenAPI openApi = new OpenAPI().info(new Info().title("t").description("d"))
                .tags(new java.util.ArrayList<>(List.of(new Tag().name("Groups").description("The groups"))))
                .paths(new Paths().addPathItem("/api/groups/{id}", new PathItem().get(read).post(change))
                        .addPathItem("/api/groups/{id}/priority", new PathItem().put(prioritize)));

        reference.customise(openApi);

        assertThat(read.getDescription()).startsWith("One group\n\n**Who may call:** anyone; reads of published data need no token.")
                .contains("- `404` No such resource").doesNotContain("`401`");
        assertThat(change.getDescription()).startsWith("It is kept.\n\n**Who may call:** a bearer token with the role `support-staff` or `admin`.")
                .contains("- `401` No valid bearer token", "- `412` If-Match names a version that is no longer current");
        assertThat(prioritize.getDescription()).contains("`admin` or `group-editor` (a group editor only for the groups named in the token's `groups` claim)");
        assertThat(change.getExtensions()).as("the rule is carried, then dropped").isNull();
        assertThat(openApi.getTags()).extracting(Tag::getName).containsExactly("Groups", "Assignments");
        assertThat(openApi.getInfo().getContact().getName()).isEqualTo("WS2 support");

        String once = change.getDescription();
        reference.customise(openApi);
        assertThat(change.getDescription()).as("a second pass changes nothing").isEqualTo(once);
    }

    @Test
    void aWriteWithoutARoleRuleNeedsAToken() {
        assertThat(ApiReference.whoMayCall(PathItem.HttpMethod.POST, null)).isEqualTo("any caller with a valid bearer token.");
        assertThat(ApiReference.whoMayCall(PathItem.HttpMethod.POST, "isAuthenticated() and #x"))
                .isEqualTo("a bearer token satisfying `isAuthenticated() and #x`.");
    }

    private Operation operation(String method, String tag) throws NoSuchMethodException {
        Operation operation = new Operation().addTagsItem(tag).responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
        return reference.customize(operation, new HandlerMethod(new Controller(), Controller.class.getMethod(method)));
    }
}
