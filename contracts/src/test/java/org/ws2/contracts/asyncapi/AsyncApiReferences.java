package org.ws2.contracts.asyncapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Follows every {@code $ref} of a document the way a plain reference resolver does (the AsyncAPI
 * parser, Studio, code generators): {@code #/pointer} within the same file, or a file relative to
 * the referring file, then into that file's own references. Anything else — a URN, an absolute
 * URL, a missing file or pointer — is reported, since a reader with only a clone cannot follow it.
 */
final class AsyncApiReferences {

    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Map<Path, JsonNode> files = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    /** The references of {@code document} (read from {@code location}) that cannot be followed. */
    static List<String> unresolvable(JsonNode document, Path location) {
        AsyncApiReferences references = new AsyncApiReferences();
        Path file = location.toAbsolutePath().normalize();
        references.files.put(file, document);
        references.walk(document, file, "");
        return references.problems;
    }

    private void walk(JsonNode node, Path file, String at) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isString()) {
                follow(ref.asString(), file, at + "/$ref");
            }
            node.properties().forEach(field -> {
                if (!field.getKey().equals("$ref")) {
                    walk(field.getValue(), file, at + "/" + field.getKey());
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), file, at + "/" + i);
            }
        }
    }

    private void follow(String ref, Path from, String at) {
        String where = from.getFileName() + "#" + at + ": " + ref;
        int hash = ref.indexOf('#');
        String target = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        Path file = from;
        if (!target.isEmpty()) {
            URI uri;
            try {
                uri = new URI(target);
            } catch (java.net.URISyntaxException e) {
                problems.add(where + " is not a valid URI reference");
                return;
            }
            if (uri.isAbsolute()) {
                problems.add(where + " is not a relative reference that a reader with the repository can follow");
                return;
            }
            file = from.resolveSibling(target).normalize();
            if (!Files.isRegularFile(file)) {
                problems.add(where + " names a file that does not exist: " + file);
                return;
            }
            if (!files.containsKey(file)) {
                JsonNode content = read(file);
                files.put(file, content);
                walk(content, file, "");
            }
        }
        JsonNode resolved = files.get(file).at(JsonPointer.compile(pointer.isEmpty() ? "" : pointer));
        if (resolved.isMissingNode()) {
            problems.add(where + " points at nothing in " + file.getFileName());
        }
    }

    private static JsonNode read(Path file) {
        try {
            String text = Files.readString(file);
            return (file.toString().endsWith(".json") ? JSON : YAML).readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AsyncApiReferences() {
    }
}
