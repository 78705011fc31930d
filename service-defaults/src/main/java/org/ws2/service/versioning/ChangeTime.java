package org.ws2.service.versioning;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The time of a change, as PostgreSQL keeps it. */
public final class ChangeTime {

    /** Microseconds: truncating here makes events and later reads agree to the digit. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private ChangeTime() {
    }
}
