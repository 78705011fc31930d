package org.ws2.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service's API tests share: the service started whole ({@link ServiceIntegrationTest}), callers
 * with a role as a verified JWT would give them, and JSON read from answers.
 */
@ServiceIntegrationTest
public abstract class ServiceApiTestBase {

    protected static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JsonMapper json;

    /** A caller with one role and, for group editors, the groups the token names. */
    protected static JwtRequestPostProcessor as(String subject, String role, String... groups) {
        return jwt().jwt(token -> token.subject(subject).claim("roles", List.of(role)).claim("groups", List.of(groups)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    protected static JwtRequestPostProcessor staff() {
        return as("sam.support", "support-staff");
    }

    /** The JSON of a GET read without a token. */
    protected JsonNode read(String path) throws Exception {
        return json.readTree(mvc.perform(get(path)).andReturn().getResponse().getContentAsString());
    }

    protected JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
