package org.ws2.service.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.ws2.service.problem.ProblemsInOpenApi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * Makes each service's OpenAPI document read as a reference: every operation's description says
 * what it does (its {@code @Operation} summary and description), who may call it (from its
 * {@code @PreAuthorize} rule and the shared rule that reads are anonymous) and which RFC 9457 problems
 * it answers; every tag an operation uses is declared at the top level; {@code info} has a contact. Controllers only carry annotations; the rest is derived here so that it cannot drift from
 * the security rules.
 */
public class ApiReference implements OpenApiCustomizer, OperationCustomizer {

    /** What every service's API has in common, for the end of its {@code info.description}. */
    public static final String CONVENTIONS = "Served through the gateway under /api. Reads of published data "
            + "need no token; every change needs an OAuth2 bearer token (JWT) whose `roles` claim (admin, "
            + "support-staff, group-editor) and, for group editors, `groups` claim allow it. Changes take If-Match with the version last read (the ETag) and "
            + "answer 412 when it is stale. Errors are RFC 9457 problems (application/problem+json) with a stable "
            + "`type` urn:ws2:problem:<kind>.";

    /** Carries an operation's {@code @PreAuthorize} rule from the per-method pass to the whole-document pass. */
    static final String RULE = "x-ws2-pre-authorize";

    private static final Pattern ROLE = Pattern.compile("'([^']+)'");

    private final Contact contact;

    public ApiReference(Contact contact) {
        this.contact = contact;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getBeanType(), PreAuthorize.class);
        }
        if (rule != null) {
            operation.addExtension(RULE, rule.value());
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        // the problems must be on the operations before they are listed; adding them twice changes nothing
        new ProblemsInOpenApi().customise(openApi);
        Info info = openApi.getInfo() == null ? new Info() : openApi.getInfo();
        if (info.getContact() == null) {
            info.setContact(contact);
        }
        openApi.setInfo(info);
        Set<String> used = new LinkedHashSet<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
                describe(method, operation);
                if (operation.getTags() != null) {
                    used.addAll(operation.getTags());
                }
            }));
        }
        declare(openApi, used);
    }

    private void describe(PathItem.HttpMethod method, Operation operation) {
        Object rule = operation.getExtensions() == null ? null : operation.getExtensions().remove(RULE);
        if (operation.getExtensions() != null && operation.getExtensions().isEmpty()) {
            operation.setExtensions(null);
        }
        String what = operation.getDescription() != null ? operation.getDescription() : operation.getSummary();
        if (what != null && what.contains("**Who may call:**")) {
            return; // already described (the document is built once per group, but be safe)
        }
        List<String> parts = new ArrayList<>();
        if (what != null && !what.isBlank()) {
            parts.add(what.strip());
        }
        parts.add("**Who may call:** " + whoMayCall(method, rule == null ? null : rule.toString()));
        List<String> problems = operation.getResponses() == null ? List.of()
                : operation.getResponses().entrySet().stream().filter(e -> e.getKey().matches("[45]\\d\\d"))
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> "- `" + e.getKey() + "` " + e.getValue().getDescription()).toList();
        if (!problems.isEmpty()) {
            parts.add("**Problems** (`application/problem+json`):\n" + String.join("\n", problems));
        }
        operation.setDescription(String.join("\n\n", parts));
    }

    static String whoMayCall(PathItem.HttpMethod method, String rule) {
        if (rule == null) {
            return method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD
                    ? "anyone; reads of published data need no token."
                    : "any caller with a valid bearer token.";
        }
        List<String> roles = new ArrayList<>();
        Matcher matcher = ROLE.matcher(rule);
        while (matcher.find()) {
            roles.add(matcher.group(1));
        }
        if (roles.isEmpty() || !rule.matches("\\s*has(Any)?Role\\(.*\\)\\s*")) {
            return "a bearer token satisfying `" + rule + "`.";
        }
        String who = "a bearer token with the role " + String.join(" or ", roles.stream().map(r -> "`" + r + "`").toList());
        if (roles.contains("group-editor")) {
            who += " (a group editor only for the groups named in the token's `groups` claim)";
        }
        return who + ".";
    }

    private void declare(OpenAPI openApi, Set<String> used) {
        Map<String, Tag> declared = new LinkedHashMap<>();
        if (openApi.getTags() != null) {
            openApi.getTags().forEach(tag -> declared.put(tag.getName(), tag));
        }
        used.forEach(name -> declared.computeIfAbsent(name, n -> new Tag().name(n)));
        openApi.setTags(declared.isEmpty() ? null : new ArrayList<>(declared.values()));
    }
}
