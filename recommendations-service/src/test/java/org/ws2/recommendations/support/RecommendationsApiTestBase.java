package org.ws2.recommendations.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.ws2.testsupport.ServiceIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recommendations service started whole against a real PostgreSQL and Kafka, shared by every
 * API test class (one context, one database): each test works on recommendations of its own.
 */
@ServiceIntegrationTest
public abstract class RecommendationsApiTestBase {

    protected static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected JdbcClient jdbc;
    // this context's own broker: another cached context (e.g. DatabaseOutageIT's) re-points the
    // spring.kafka.bootstrap-servers system property at its broker when it starts
    @Value("#{@embeddedKafka.brokersAsString}")
    protected String kafka;

    /** A caller with one role, as spring-security-test builds it from a JWT. */
    protected static JwtRequestPostProcessor as(String subject, String role) {
        return jwt().jwt(token -> token.subject(subject).claim("roles", List.of(role)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    protected static JwtRequestPostProcessor staff() {
        return as("sam.support", "support-staff");
    }

    protected ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).with(staff()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    protected ResultActions putJson(String path, String body, String ifMatch) throws Exception {
        var request = put(path).with(staff()).contentType(MediaType.APPLICATION_JSON).content(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }

    protected ResultActions transition(String id, String to, String note) throws Exception {
        return postJson("/api/recommendations/" + id + "/transitions",
                "{\"to\":\"" + to + "\",\"note\":\"" + note + "\"}");
    }

    protected JsonNode read(String path) throws Exception {
        return json.readTree(mvc.perform(get(path)).andReturn().getResponse().getContentAsString());
    }

    /** Read as a signed-in caller, who also sees who did what. */
    protected JsonNode readSignedIn(String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(as("rita.reader", "group-editor"))).andReturn().getResponse()
                .getContentAsString());
    }

    protected JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
