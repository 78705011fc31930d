package org.ws2.service.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Adds to every operation of a service's OpenAPI document the RFC 9457 problems it can answer with,
 * since they come from shared handlers rather than from each controller's signature: bad input and
 * unknown resources everywhere, and on writes the authentication, role, state and version problems.
 * An operation that documents a status itself keeps its own description.
 */
public class ProblemsInOpenApi implements OpenApiCustomizer {

    static final String PROBLEM_SCHEMA = "Problem";

    private static final Map<String, String> ON_EVERY_OPERATION = ordered(
            "400", "Invalid input (unknown field, wrong type, failed validation); `field` names it",
            "404", "No such resource",
            "500", "Unexpected failure; nothing is revealed and the request is logged",
            "503", "The service's database is away; nothing was changed; retry after `Retry-After` seconds");

    private static final Map<String, String> ON_WRITES = ordered(
            "401", "No valid bearer token",
            "403", "The token's roles (or groups) do not allow this change",
            "409", "Not allowed in the resource's current state (e.g. an invalid lifecycle move)",
            "412", "If-Match names a version that is no longer current",
            "413", "Request body too large (counted in bytes received)",
            "422", "The change would publish an event over the size limit (`event-too-large`); nothing was changed");

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        components.addSchemas(PROBLEM_SCHEMA, problemSchema());
        openApi.setComponents(components);
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
            addProblems(operation, ON_EVERY_OPERATION);
            if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
                addProblems(operation, ON_WRITES);
            }
        }));
    }

    private static void addProblems(Operation operation, Map<String, String> problems) {
        problems.forEach((status, description) -> {
            if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
                operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)))));
            }
        });
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details; `type` is stable per kind of error (urn:ws2:problem:<kind>)")
                .addProperty("type", new StringSchema().example("urn:ws2:problem:invalid-transition"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("field", new StringSchema().description("the offending input, when there is one"));
    }

    private static Map<String, String> ordered(String... statusThenDescription) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < statusThenDescription.length; i += 2) {
            map.put(statusThenDescription[i], statusThenDescription[i + 1]);
        }
        return map;
    }
}
