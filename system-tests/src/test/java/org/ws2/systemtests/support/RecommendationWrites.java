package org.ws2.systemtests.support;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Optional;

import org.ws2.systemtests.support.RecordedLoad.Answer;

/**
 * The recommendation writes of a load: support staff creating recommendations, tagged so that the checks find the
 * load's, and moving each a step round a loop of its lifecycle from the version the load last knew (If-Match).
 */
public final class RecommendationWrites {

    public static final String SERVICE = "recommendations-service";
    /** A loop through the lifecycle (docs/lifecycle.md allows each step). */
    public static final Map<String, String> NEXT = Map.of("NOT_STARTED", "PLANNING", "PLANNING", "IN_PROGRESS",
            "IN_PROGRESS", "ON_HOLD", "ON_HOLD", "NOT_STARTED");

    private final RecordedLoad load;
    private final GatewayClient gateway;
    private final String token;
    private final String tag;

    public RecommendationWrites(RecordedLoad load, GatewayClient gateway, String token, String tag) {
        this.load = load;
        this.gateway = gateway;
        this.token = token;
        this.tag = tag;
    }

    public Answer create(String id, String title, String note) {
        return load.call(true, "POST /api/recommendations " + id, SERVICE, gateway.request("/api/recommendations", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"id":"%s","title":"%s","ownership":"ORG","tags":["%s"],"note":"%s"}"""
                        .formatted(id, title, tag, note))));
    }

    /** The recommendation a create answered 201 made, as the load tracks it from then on. */
    public static Optional<TrackedEntity> created(Answer answer, String note) {
        if (answer.status() != 201) {
            return Optional.empty();
        }
        TrackedEntity created = new TrackedEntity("NOT_STARTED", Responses.JSON.readTree(answer.body()).path("version").asLong());
        created.acknowledged("NOT_STARTED", created.version(), note);
        return Optional.of(created);
    }

    /** Moves the recommendation one step on from the state and version the load knows. */
    public Answer move(String id, TrackedEntity known, String note) {
        String to = NEXT.get(known.state());
        String path = "/api/recommendations/" + id + "/transitions";
        return load.call(true, "POST " + path + " to " + to, SERVICE, gateway.request(path, token)
                .header("Content-Type", "application/json").header("If-Match", "\"" + known.version() + "\"")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"" + to + "\",\"note\":\"" + note + "\"}")));
    }
}
