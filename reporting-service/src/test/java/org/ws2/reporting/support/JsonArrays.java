package org.ws2.reporting.support;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Reading the reports' JSON arrays in assertions. */
public final class JsonArrays {

    private JsonArrays() {
    }

    /** Each element's {@code field} as text. */
    public static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.path(field).asString()));
        return values;
    }

    /** Each element as text. */
    public static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asString()));
        return values;
    }

    /** The first element whose {@code field} is {@code value}; an assertion error naming the array if none is. */
    public static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asString().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("No element with " + field + " = " + value + " in " + array);
    }
}
