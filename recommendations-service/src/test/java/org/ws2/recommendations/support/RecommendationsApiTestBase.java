package org.ws2.recommendations.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import org.ws2.testsupport.ServiceApiTestBase;

import tools.jackson.databind.JsonNode;

/**
 * The recommendations service started whole against a real PostgreSQL and Kafka, shared by every
 * API test class (one context, one database): each test works on recommendations of its own.
 */
public abstract class RecommendationsApiTestBase extends ServiceApiTestBase {

    @Autowired
    protected JdbcClient jdbc;
    // this context's own broker: another cached context (e.g. DatabaseOutageIT's) re-points the
    // spring.kafka.bootstrap-servers system property at its broker when it starts
    @Value("#{@embeddedKafka.brokersAsString}")
    protected String kafka;

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

    /** Read as a signed-in caller, who also sees who did what. */
    protected JsonNode readSignedIn(String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(as("rita.reader", "group-editor"))).andReturn().getResponse()
                .getContentAsString());
    }
}
