package org.ws2.systemtests.support;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading and judging the gateway's answers: JSON bodies, list pages, problems. */
public final class Responses {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private Responses() {
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public static void assertOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    /** An RFC 9457 problem with this status. */
    public static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(response.body()).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    public static void assertProblem4xx(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertProblem(response, response.statusCode());
    }

    /** The version a client would send back: the {@code version} field, else the ETag. */
    public static String version(HttpResponse<String> response) {
        JsonNode version = json(response).get("version");
        return version != null ? version.asString() : response.headers().firstValue("ETag").orElseThrow();
    }

    /** The items of a list response, whether it is a bare array or a page object holding one. */
    public static List<JsonNode> items(JsonNode body) {
        JsonNode array = body;
        if (!body.isArray()) {
            array = null;
            for (String field : List.of("content", "items", "data", "results")) {
                if (body.path(field).isArray()) {
                    array = body.get(field);
                    break;
                }
            }
            if (array == null) {
                array = body.valueStream().filter(JsonNode::isArray).findFirst()
                        .orElseThrow(() -> new AssertionError("no list in " + body));
            }
        }
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    public static List<String> ids(JsonNode body) {
        return items(body).stream().map(item -> item.path("id").asString()).toList();
    }

    /** One text field of each element of an array. */
    public static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asString()));
        return values;
    }
}
