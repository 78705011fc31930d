package org.ws2.systemtests.support;

import java.util.ArrayList;
import java.util.List;

/** What a load believes an entity (a group, a recommendation) is, from the answers it was given. */
public final class TrackedEntity {

    /** The group's name or the recommendation's status. */
    private String state;
    private long version;
    /** The note of every acknowledged write of the entity, each unique. */
    private final List<String> notes = new ArrayList<>();
    /** A write failed without an answer saying whether it was applied: read the source before the next one. */
    private boolean uncertain;

    public TrackedEntity(String state, long version) {
        this.state = state;
        this.version = version;
    }

    public synchronized String state() {
        return state;
    }

    public synchronized long version() {
        return version;
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    public synchronized boolean uncertain() {
        return uncertain;
    }

    /** A write acknowledged: the state and version its answer gives, and its note. */
    public synchronized void acknowledged(String state, long version, String note) {
        this.state = state;
        this.version = version;
        notes.add(note);
    }

    /** The state and version read from the source; nothing uncertain any more. */
    public synchronized void readFromSource(String state, long version) {
        this.state = state;
        this.version = version;
        uncertain = false;
    }

    public synchronized void markUncertain() {
        uncertain = true;
    }
}
