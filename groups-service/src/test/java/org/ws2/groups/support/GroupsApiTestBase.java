package org.ws2.groups.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.ws2.contracts.EventCodec;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.testsupport.RecommendationEventFeed;
import org.ws2.testsupport.ServiceApiTestBase;

import tools.jackson.databind.JsonNode;

/**
 * The groups service started whole against a real PostgreSQL and Kafka, shared by every API test
 * class (one context, one database): each test works on recommendations and groups of its own, so
 * that one test's assignments never change another's stage.
 */
public abstract class GroupsApiTestBase extends ServiceApiTestBase {

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected KafkaTemplate<String, String> kafkaTemplate;
    @Autowired
    protected EventCodec codec;
    // this context's own broker: another cached context (e.g. DatabaseOutageIT's) re-points the
    // spring.kafka.bootstrap-servers system property at its broker when it starts
    @Value("#{@embeddedKafka.brokersAsString}")
    protected String kafka;

    protected RecommendationEventFeed feed;

    @BeforeEach
    void openFeed() {
        feed = new RecommendationEventFeed(kafkaTemplate, kafka, "groups-service");
    }

    @AfterEach
    void closeFeed() {
        feed.close();
    }

    /** Makes the recommendations known to the service, through the topic, and waits until they are. */
    protected void knownRecommendations(String... ids) {
        for (String id : ids) {
            feed.awaitConsumed(feed.publish(feed.registered(id, RecommendationStatus.NOT_STARTED, 1,
                    RecommendationEventFeed.now())));
        }
    }

    protected static JwtRequestPostProcessor editorOf(String... groups) {
        return as("erin.editor", "group-editor", groups);
    }

    protected static JwtRequestPostProcessor admin() {
        return as("ada.admin", "admin");
    }

    protected ResultActions post(String path, JwtRequestPostProcessor who, String body) throws Exception {
        return send(MockMvcRequestBuilderSupport.post(path), who, body, null);
    }

    protected ResultActions post(String path, JwtRequestPostProcessor who, String body, String ifMatch)
            throws Exception {
        return send(MockMvcRequestBuilderSupport.post(path), who, body, ifMatch);
    }

    protected ResultActions put(String path, JwtRequestPostProcessor who, String body, String ifMatch)
            throws Exception {
        return send(MockMvcRequestBuilderSupport.put(path), who, body, ifMatch);
    }

    private ResultActions send(MockHttpServletRequestBuilder request, JwtRequestPostProcessor who, String body,
            String ifMatch) throws Exception {
        request.contentType(MediaType.APPLICATION_JSON).content(body);
        if (who != null) {
            request.with(who);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }

    /** The JSON of a GET that must answer 200, read as {@code who} (null: no token). */
    protected JsonNode okJson(MockHttpServletRequestBuilder request, JwtRequestPostProcessor who) throws Exception {
        return json.readTree(okText(request, who));
    }

    /** The body of a GET that must answer 200, read as {@code who} (null: no token). */
    protected String okText(MockHttpServletRequestBuilder request, JwtRequestPostProcessor who) throws Exception {
        if (who != null) {
            request.with(who);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    protected String etag(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getHeader("ETag");
    }

    /** Static builders under names that do not clash with this class's helpers. */
    private static final class MockMvcRequestBuilderSupport {
        static MockHttpServletRequestBuilder post(String path) {
            return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path);
        }

        static MockHttpServletRequestBuilder put(String path) {
            return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path);
        }
    }
}
