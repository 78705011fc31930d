package org.ws2.service.changes;

import java.time.Instant;

/** An aggregate as the change path sees it: a version that each change moves on, and when it last changed. */
public interface Versioned {

    long version();

    /** When the aggregate's last change took effect; a new change may not take effect earlier. */
    Instant updatedAt();
}
