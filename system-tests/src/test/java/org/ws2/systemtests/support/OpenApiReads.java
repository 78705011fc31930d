package org.ws2.systemtests.support;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;

import static org.ws2.systemtests.support.PrivateMarkers.A;
import static org.ws2.systemtests.support.PrivateMarkers.PLANTED_RECOMMENDATIONS;
import static org.ws2.systemtests.support.Responses.assertOk;
import static org.ws2.systemtests.support.Responses.json;

/**
 * Every GET operation of every service's OpenAPI document, read with its parameters filled from the
 * {@link PrivateMarkers}' data. Systematic rather than per endpoint: a new GET operation is read as soon as a
 * service documents it; one whose parameters this class cannot fill is named in {@link #unfillable()}, so that
 * the scenario can fail on it rather than skip it unseen.
 */
public final class OpenApiReads {

    private final GatewayClient gateway;
    private final Map<String, String> notRead;
    private final PrivateMarkers planted;
    private final Map<String, JsonNode> documents = new LinkedHashMap<>();
    private final Set<String> templatesRead = new TreeSet<>();
    private final List<String> unfillable = new ArrayList<>();

    private OpenApiReads(GatewayClient gateway, Map<String, String> notRead, PrivateMarkers planted) {
        this.gateway = gateway;
        this.notRead = notRead;
        this.planted = planted;
    }

    /**
     * The documents of these services, as the gateway serves them ({@code /api-docs/<name>}); the operations of
     * {@code notRead}'s paths are left out of the reads.
     */
    public static OpenApiReads ofServices(GatewayClient gateway, List<String> services, Map<String, String> notRead,
            PrivateMarkers planted) {
        OpenApiReads reads = new OpenApiReads(gateway, notRead, planted);
        for (String service : services) {
            HttpResponse<String> document = gateway.get("/api-docs/" + service, null);
            assertOk(document);
            reads.documents.put(service, json(document));
        }
        return reads;
    }

    /** Reads every GET operation of every document with {@code token}, handing each URL and answer to {@code read}. */
    public void readEveryGetOperation(String token, BiConsumer<String, HttpResponse<String>> read) {
        documents.forEach((service, document) -> readEveryGetOperation(token, document, read));
    }

    /** The path templates read so far. */
    public Set<String> templatesRead() {
        return templatesRead;
    }

    /** The operations not read because a parameter could not be filled, each with the parameter. */
    public List<String> unfillable() {
        return unfillable;
    }

    private void readEveryGetOperation(String token, JsonNode document,
            BiConsumer<String, HttpResponse<String>> read) {
        for (var path : document.path("paths").properties()) {
            JsonNode get = path.getValue().get("get");
            if (get == null || notRead.containsKey(path.getKey())) {
                continue;
            }
            List<String> urls = urls(path.getKey(), get.path("parameters"));
            for (String url : urls) {
                read.accept(url, gateway.get(url, token));
            }
            if (!urls.isEmpty()) {
                templatesRead.add(path.getKey());
            }
        }
    }

    /**
     * Every URL of one operation worth reading: each path parameter filled with each planted value it can take; the
     * required query parameters filled; and once more with the optional filters that narrow a list to the planted
     * data (a paged list might otherwise not reach it).
     */
    private List<String> urls(String template, JsonNode parameters) {
        List<String> paths = List.of(template);
        Map<String, String> required = new LinkedHashMap<>();
        Map<String, String> narrowing = new LinkedHashMap<>();
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asString();
            String in = parameter.path("in").asString();
            if (in.equals("path")) {
                List<String> values = pathValues(template, name);
                if (values.isEmpty()) {
                    unfillable.add("GET " + template + ": path parameter " + name);
                    return List.of();
                }
                List<String> filled = new ArrayList<>();
                for (String p : paths) {
                    values.forEach(value -> filled.add(p.replace("{" + name + "}", value)));
                }
                paths = filled;
            } else if (in.equals("query")) {
                String value = queryValue(name);
                if (parameter.path("required").asBoolean()) {
                    if (value == null) {
                        unfillable.add("GET " + template + ": required query parameter " + name);
                        return List.of();
                    }
                    required.put(name, value);
                } else if (value != null) {
                    narrowing.put(name, value);
                }
            }
        }
        List<String> urls = new ArrayList<>();
        for (String p : paths) {
            urls.add(p + query(required));
            if (!narrowing.isEmpty()) {
                Map<String, String> all = new LinkedHashMap<>(required);
                all.putAll(narrowing);
                urls.add(p + query(all));
            }
        }
        return urls;
    }

    private List<String> pathValues(String template, String name) {
        return switch (name) {
            case "groupId" -> List.of(planted.group());
            case "recommendationId" -> PLANTED_RECOMMENDATIONS;
            case "evidenceId" -> List.of(planted.evidenceId());
            case "prefix" -> List.of(A.substring(0, 1));
            case "quarter" -> PrivateMarkers.quarters();
            case "id" -> template.startsWith("/api/groups/")
                    ? List.of(planted.group(), planted.otherGroup(), planted.crossCommunity())
                    : template.startsWith("/api/recommendations/") ? PLANTED_RECOMMENDATIONS
                    : template.startsWith("/api/engagements/") ? List.of(planted.engagementId())
                    : template.startsWith("/api/subscriptions/")
                            ? List.of(planted.subscriptionId(), planted.webhookId())
                    : List.of();
            default -> List.of();
        };
    }

    /** A query parameter's value that narrows a list to the planted data, or a required one's; null for others. */
    private String queryValue(String name) {
        return switch (name) {
            case "groupId" -> planted.group();
            case "recommendationId" -> A;
            case "size" -> "100";
            case "from" -> "2000-01-01";
            default -> null;
        };
    }

    private static String query(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        parameters.forEach((name, value) -> query.append(query.length() > 1 ? "&" : "").append(name).append('=')
                .append(value));
        return query.toString();
    }
}
