package org.ws2.recommendations.dependency;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.recommendations.recommendation.Recommendation;
import org.ws2.recommendations.recommendation.RecommendationChanges;
import org.ws2.recommendations.recommendation.RecommendationRepository;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.versioning.ChangeTime;

/**
 * Which recommendations wait on which (1.2 to 1.6 wait on 1.1). The dependencies form a graph
 * without cycles: a dependency that would close one is refused.
 */
@Service
@RequiredArgsConstructor
public class Dependencies {

    /**
     * Arbitrary, but fixed: serialises dependency changes, so that two concurrent additions (A on B,
     * B on A) cannot each pass the cycle check against a graph without the other.
     */
    private static final long GRAPH_LOCK = 0x5752_4445_5047_5241L;

    private final RecommendationChanges changes;
    private final RecommendationRepository recommendations;
    private final JdbcClient jdbc;

    @Transactional
    public Recommendation add(String id, String dependsOnId, String note, Long expectedVersion, String actor) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", GRAPH_LOCK).query(Object.class).single();
        Recommendation current = changes.lock(id, expectedVersion);
        if (current.dependsOn().contains(dependsOnId)) {
            return current;
        }
        if (id.equals(dependsOnId)) {
            throw cycle(List.of(id, id));
        }
        if (!recommendations.exists(dependsOnId)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-recommendation", "Unknown recommendation",
                    "There is no recommendation " + dependsOnId + " to depend on.").with("field", "dependsOn");
        }
        List<String> path = pathBetween(dependsOnId, id);
        if (!path.isEmpty()) {
            List<String> loop = new ArrayList<>(List.of(id));
            loop.addAll(path);
            throw cycle(loop);
        }
        List<String> dependsOn = new ArrayList<>(current.dependsOn());
        dependsOn.add(dependsOnId);
        return commit(current, dependsOn, List.of(dependsOnId), List.of(), note, actor);
    }

    @Transactional
    public Recommendation remove(String id, String dependsOnId, String note, Long expectedVersion, String actor) {
        Recommendation current = changes.lock(id, expectedVersion);
        if (!current.dependsOn().contains(dependsOnId)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Dependency not found",
                    "Recommendation " + id + " does not depend on " + dependsOnId + ".");
        }
        List<String> dependsOn = new ArrayList<>(current.dependsOn());
        dependsOn.remove(dependsOnId);
        return commit(current, dependsOn, List.of(), List.of(dependsOnId), note, actor);
    }

    private Recommendation commit(Recommendation current, List<String> dependsOn, List<String> added,
            List<String> removed, String note, String actor) {
        Recommendation changed = current.withDependsOn(dependsOn, ChangeTime.now());
        return changes.commit(changed, actor, note, new RecommendationEvents.DependenciesChanged(changed.id(), changed.version(), actor,
                        changed.updatedAt(), note, added, removed, changed.snapshot()));
    }

    /** A chain of dependencies leading from {@code from} to {@code to}, or an empty list if none does. */
    private List<String> pathBetween(String from, String to) {
        Map<String, List<String>> graph = recommendations.dependencyEdges();
        return DependencyGraph.path(id -> graph.getOrDefault(id, List.of()), from, to);
    }

    private static ApiProblem cycle(List<String> loop) {
        return new ApiProblem(HttpStatus.CONFLICT, "dependency-cycle", "Dependency cycle",
                "That dependency would make a cycle: " + String.join(" -> ", loop) + ".").with("cycle", loop);
    }

    /** Depth-first search over "depends on" edges. */
    static final class DependencyGraph {

        static List<String> path(Function<String, List<String>> dependsOn, String from, String to) {
            Deque<List<String>> open = new ArrayDeque<>();
            Set<String> seen = new HashSet<>();
            open.push(List.of(from));
            while (!open.isEmpty()) {
                List<String> path = open.pop();
                String last = path.get(path.size() - 1);
                if (last.equals(to)) {
                    return path;
                }
                if (!seen.add(last)) {
                    continue;
                }
                for (String next : dependsOn.apply(last) == null ? List.<String>of() : dependsOn.apply(last)) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(next);
                    open.push(longer);
                }
            }
            return List.of();
        }

        private DependencyGraph() {
        }
    }
}
