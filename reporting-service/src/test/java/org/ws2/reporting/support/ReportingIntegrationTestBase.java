package org.ws2.reporting.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test of the reporting service whole ({@code @ServiceIntegrationTest}): history written as events on
 * the real topics ({@link WorldFeed} over {@link #kafka}), reports read over HTTP.
 */
public abstract class ReportingIntegrationTestBase {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    /** The body of a GET that must answer 200. */
    protected String body(String uri) throws Exception {
        return mvc.perform(get(uri)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The JSON of a GET that must answer 200. */
    protected JsonNode read(String uri) throws Exception {
        return json.readTree(body(uri));
    }
}
