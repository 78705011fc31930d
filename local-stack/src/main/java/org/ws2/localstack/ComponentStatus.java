package org.ws2.localstack;

import java.nio.file.Path;

/** One line of {@code ./ws2 status}: a component, its pid if it runs, where to reach it, and its log. */
public record ComponentStatus(String name, Long pid, String endpoint, boolean ready, Path log) {
}
