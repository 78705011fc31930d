package org.ws2.systemtests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a load's writer does on its n-th write: it creates an entity every {@code createEvery}-th write (and while it
 * tracks none), and otherwise updates the entities it tracks, each in turn. One per writer (each writer is one thread).
 */
public final class WriterTurns {

    private final Map<String, TrackedEntity> tracked;
    private final int createEvery;
    private int turn;

    /** @param tracked a synchronized map, which the writer adds the entities it creates to */
    public WriterTurns(Map<String, TrackedEntity> tracked, int createEvery) {
        this.tracked = tracked;
        this.createEvery = createEvery;
    }

    /** The id of the entity the n-th write updates, or empty when it creates one. */
    public Optional<String> toUpdate(int n) {
        List<String> pool;
        synchronized (tracked) {
            pool = new ArrayList<>(tracked.keySet());
        }
        if (n % createEvery == 0 || pool.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(pool.get(turn++ % pool.size()));
    }
}
