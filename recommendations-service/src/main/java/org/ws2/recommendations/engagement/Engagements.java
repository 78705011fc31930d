package org.ws2.recommendations.engagement;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.engagement.EngagementEvent;
import org.ws2.contracts.engagement.EngagementEvents;
import org.ws2.service.changes.ChangeLog;
import org.ws2.service.versioning.ChangeTime;
import org.ws2.service.problem.ApiProblem;

/**
 * The engagement log: reading it, and the one way an item changes: lock it, check the caller's
 * version, then store the new state and its event in one transaction, so that both or neither
 * exist.
 */
@Service
@RequiredArgsConstructor
class Engagements {

    private final EngagementRepository engagements;
    private final ChangeLog changeLog;

    @Transactional(readOnly = true)
    public EngagementPage list(EngagementFilter filter, int page, int size) {
        List<EngagementView> items = engagements.list(filter, page, size).stream().map(EngagementView::of).toList();
        return new EngagementPage(items, page, size, engagements.count(filter));
    }

    /** An item that has not been removed; 404 if there never was one, 410 if it was removed. */
    @Transactional(readOnly = true)
    public Engagement get(UUID id) {
        return present(engagements.find(id).orElseThrow(() -> notFound(id)));
    }

    @Transactional
    public Engagement record(EngagementContent content, String actor) {
        return record(UUID.randomUUID(), content, actor)
                .orElseThrow(() -> new IllegalStateException("A fresh random id is taken"));
    }

    /**
     * Records an item under a chosen id; empty, and nothing written, if that id is taken (even by a
     * removed item), which is what makes seeding repeatable.
     */
    @Transactional
    public Optional<Engagement> record(UUID id, EngagementContent content, String actor) {
        requireKnownRecommendations(content);
        Engagement created = Engagement.recorded(id, content, actor, ChangeTime.now());
        if (!engagements.insert(created)) {
            return Optional.empty();
        }
        changeLog.record(new EngagementEvents.Recorded(id.toString(), created.version(), actor, created.updatedAt(),
                created.snapshot()), actor, null);
        return Optional.of(created);
    }

    /** Replaces the item's content; a replacement that changes nothing writes nothing. */
    @Transactional
    public Engagement update(UUID id, EngagementContent content, long expectedVersion, String actor) {
        Engagement current = lock(id, expectedVersion);
        List<String> changed = current.content().changedFields(content);
        if (changed.isEmpty()) {
            return current;
        }
        if (changed.contains("recommendationIds")) {
            requireKnownRecommendations(content);
        }
        Engagement updated = current.edited(content, actor, ChangeTime.now());
        return commit(updated, changed.contains("recommendationIds"), new EngagementEvents.Updated(id.toString(),
                updated.version(), actor, updated.updatedAt(), changed, updated.snapshot()), actor,
                "changed " + String.join(", ", changed));
    }

    /** Withdraws the item: it stays in the database, marked removed, and is no longer listed. */
    @Transactional
    public Engagement remove(UUID id, Long expectedVersion, String actor) {
        Engagement current = lock(id, expectedVersion);
        Engagement removed = current.removed(actor, ChangeTime.now());
        return commit(removed, false, new EngagementEvents.Removed(id.toString(), removed.version(), actor,
                removed.updatedAt(), removed.snapshot()), actor, null);
    }

    /**
     * Reads an item to change it, locked until the transaction ends.
     *
     * @param expectedVersion the version the caller last read ({@code If-Match}), or null
     */
    private Engagement lock(UUID id, Long expectedVersion) {
        return present(changeLog.lock(engagements.findForUpdate(id), expectedVersion, () -> notFound(id)));
    }

    /** Stores {@code after}, read with {@link #lock}, and records {@code event}, the change that made it. */
    private Engagement commit(Engagement after, boolean recommendationsChanged, EngagementEvent event, String actor,
            String note) {
        engagements.update(after, recommendationsChanged);
        changeLog.record(event, actor, note);
        return after;
    }

    private void requireKnownRecommendations(EngagementContent content) {
        List<String> unknown = engagements.unknownRecommendations(content.recommendationIds());
        if (!unknown.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-recommendation", "Unknown recommendation",
                    "There is no recommendation " + String.join(", ", unknown) + ".")
                    .with("field", "recommendationIds")
                    .with("unknown", unknown);
        }
    }

    private static Engagement present(Engagement engagement) {
        if (engagement.removed()) {
            throw new ApiProblem(HttpStatus.GONE, "removed", "Engagement removed",
                    "Engagement " + engagement.id() + " was removed on " + engagement.removedAt() + ".")
                    .with("removedAt", engagement.removedAt().toString());
        }
        return engagement;
    }

    private static ApiProblem notFound(UUID id) {
        return ApiProblem.notFound("Engagement", id.toString());
    }
}
