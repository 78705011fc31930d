package org.ws2.service.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A query string the servlet container cannot decode (a malformed escape, bytes that are not UTF-8)
 * would make the first {@code getParameter} throw, deep in a filter or a controller, as a 500 logged
 * at ERROR. The filter refuses it first, as a 400 problem naming the parameter.
 */
class InputRulesFilterTest {

    // as Boot's mapper writes problems: extra properties at the top level
    private final JsonMapper json = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    private final InputRulesFilter filter = new InputRulesFilter(json);

    @ParameterizedTest
    @ValueSource(strings = { "size=%FF%FE", "size=%C3", "size=%E2%82", "size=%G1", "size=1%", "size=%2", "size=%%" })
    void aValueThatIsNotValidPercentEncodedUtf8IsA400NamingTheParameter(String query) throws Exception {
        MockHttpServletResponse response = filter(query);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.path("type").asString()).isEqualTo("urn:ws2:problem:invalid-input");
        assertThat(problem.path("field").asString()).isEqualTo("size");
    }

    @Test
    void aNameThatCannotBeDecodedIsNamedAsWritten() throws Exception {
        MockHttpServletResponse response = filter("page=1&%FF=2");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json.readTree(response.getContentAsString()).path("field").asString()).isEqualTo("%FF");
    }

    @Test
    void aNulIsStillNamed() throws Exception {
        MockHttpServletResponse response = filter("q=%00&topic=1");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json.readTree(response.getContentAsString()).path("field").asString()).isEqualTo("q");
    }

    @ParameterizedTest
    @ValueSource(strings = { "q=caf%C3%A9", "q=a+b&topic=2", "q=%E2%82%AC&flag", "q=", "&&q=1", "q=50%25" })
    void validPercentEncodedUtf8PassesThrough(String query) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletRequest request = request(query);

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    private MockHttpServletResponse filter(String query) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request(query), response, chain);
        assertThat(chain.getRequest()).as("the request went on to the service").isNull();
        return response;
    }

    private static MockHttpServletRequest request(String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");
        request.setQueryString(query);
        return request;
    }
}
