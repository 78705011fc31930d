package org.ws2.recommendations.recommendation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.ws2.contracts.EventFamily;
import org.ws2.contracts.recommendation.RecommendationSnapshot;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.service.changes.ChangeEntry;
import org.ws2.service.security.Audience;
import org.ws2.service.changes.ChangeLog;
import org.ws2.service.problem.ApiProblem;

/**
 * Answers reads of the catalogue, now or as it stood at any past instant, with the state derived
 * from dependencies. An "as of" read answers from the history, so it shows exactly what a read at
 * that instant would have shown.
 */
@Service
@RequiredArgsConstructor
public class RecommendationQueries {

    private final RecommendationRepository recommendations;
    private final ChangeLog changeLog;

    /** The catalogue as it stood at {@code instant}: each recommendation's last version by then. */
    private List<Recommendation> findAllAsOf(Instant instant) {
        return changeLog.allAsOf(EventFamily.RECOMMENDATIONS, instant, RecommendationSnapshot.class).stream()
                .map(Recommendation::fromSnapshot).toList();
    }

    /** The recommendation now ({@code asOf} null), or as it stood at {@code asOf}. */
    private Optional<Recommendation> find(String id, Instant asOf) {
        return asOf == null ? recommendations.find(id)
                : changeLog.asOf(EventFamily.RECOMMENDATIONS, id, asOf, RecommendationSnapshot.class)
                        .map(Recommendation::fromSnapshot);
    }

    /**
     * One page of the list: the {@code page}-th, or the one right after {@code after} (null for none).
     * Now, each page is read from the catalogue's indexes; as of a past instant, the catalogue of then
     * is read whole and paged by number (its {@code next} link too).
     */
    public RecommendationPage search(RecommendationSearch search, int page, ListCursor after, int size, Instant asOf) {
        if (asOf == null) {
            RecommendationRepository.Slice slice = recommendations.search(search, after, (long) page * size, size);
            Map<String, RecommendationStatus> dependencies = recommendations.statuses(slice.items().stream()
                    .flatMap(r -> r.dependsOn().stream()).collect(Collectors.toSet()));
            List<RecommendationView> items = slice.items().stream()
                    .map(r -> RecommendationView.of(r, waitingOn(r, dependencies::get)))
                    .toList();
            String next = slice.more() ? search.link(size, null, ListCursor.after(slice.items().get(slice.items().size() - 1),
                    search.sort(), search.descending()).encode(), null) : null;
            return new RecommendationPage(items, after == null ? page : null, size, slice.total(), null, next);
        }
        // The past catalogue lives only in the history's JSON states, so it is filtered here.
        List<Recommendation> catalogue = findAllAsOf(asOf);
        Map<String, Recommendation> byId = catalogue.stream()
                .collect(Collectors.toMap(Recommendation::id, Function.identity()));
        List<Recommendation> matching = catalogue.stream().filter(search.matcher()).sorted(search.order()).toList();
        List<RecommendationView> items = matching.stream().skip((long) page * size).limit(size)
                .map(r -> RecommendationView.of(r, waitingOn(r, id -> statusOf(byId.get(id)))))
                .toList();
        String next = (long) (page + 1) * size < matching.size() ? search.link(size, asOf, null, page + 1) : null;
        return new RecommendationPage(items, page, size, (long) matching.size(), asOf, next);
    }

    public Recommendation get(String id, Instant asOf) {
        return find(id, asOf).orElseThrow(() -> asOf == null ? ApiProblem.notFound("Recommendation", id)
                : ApiProblem.notFound("Recommendation", id).with("asOf", asOf));
    }

    public RecommendationView view(Recommendation recommendation, Instant asOf) {
        return RecommendationView.of(recommendation, waitingOnAsOf(recommendation, asOf));
    }

    /** The recommendation's dependencies that are not implemented now. */
    public List<String> waitingOn(Recommendation recommendation) {
        return waitingOnAsOf(recommendation, null);
    }

    private List<String> waitingOnAsOf(Recommendation recommendation, Instant asOf) {
        return waitingOn(recommendation, id -> statusOf(find(id, asOf).orElse(null)));
    }

    public List<RecommendationHistoryEntry> history(String id) {
        if (!recommendations.exists(id)) {
            throw ApiProblem.notFound("Recommendation", id);
        }
        List<RecommendationHistoryEntry> history = new ArrayList<>();
        RecommendationSnapshot before = null;
        // who did what (a token's sub) is for signed-in readers (docs/visibility.md)
        boolean names = Audience.current().isSignedIn();
        for (ChangeEntry entry : changeLog.history(EventFamily.RECOMMENDATIONS, id)) {
            RecommendationSnapshot after = changeLog.read(entry.snapshot(), RecommendationSnapshot.class);
            history.add(new RecommendationHistoryEntry(entry.version(), entry.kind(), names ? entry.actor() : null,
                    entry.effectiveAt(), entry.recordedAt(), entry.note(), before, after));
            before = after;
        }
        return history;
    }

    /** The dependencies not implemented, by each one's status (null for one unknown, which is not implemented). */
    private static List<String> waitingOn(Recommendation recommendation,
            Function<String, RecommendationStatus> status) {
        return recommendation.dependsOn().stream()
                .filter(id -> status.apply(id) != RecommendationStatus.IMPLEMENTED)
                .toList();
    }

    private static RecommendationStatus statusOf(Recommendation recommendation) {
        return recommendation == null ? null : recommendation.status();
    }
}
