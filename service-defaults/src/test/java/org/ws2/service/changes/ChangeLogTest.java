package org.ws2.service.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.ws2.service.problem.ApiProblem;

/** When a change takes effect: now by default; a past instant only in order, never the future. */
class ChangeLogTest {

    private static final Instant LAST = Instant.parse("2021-05-07T00:00:00Z");

    @Test
    void withoutAnEffectiveTimeAChangeTakesEffectNow() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        assertThat(ChangeLog.effectiveTime(null, LAST)).isBetween(before, Instant.now());
    }

    @Test
    void aPastChangeEnteredInOrderKeepsItsDate() {
        Instant webinar = Instant.parse("2021-05-25T14:00:00Z");
        assertThat(ChangeLog.effectiveTime(webinar, LAST)).isEqualTo(webinar);
        assertThat(ChangeLog.effectiveTime(LAST, LAST)).isEqualTo(LAST);
        assertThat(ChangeLog.effectiveTime(webinar, null)).isEqualTo(webinar);
    }

    @Test
    void aChangeCannotTakeEffectInTheFutureNorBeforeTheLastOne() {
        assertThatThrownBy(() -> ChangeLog.effectiveTime(Instant.now().plusSeconds(3600), LAST))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getBody().getDetail()).contains("future"));
        assertThatThrownBy(() -> ChangeLog.effectiveTime(LAST.minusSeconds(1), LAST))
                .isInstanceOfSatisfying(ApiProblem.class,
                        p -> assertThat(p.getBody().getType().toString()).endsWith("effective-time-out-of-order"));
    }

    @Test
    void aChangeAfterPastOnesEnteredAheadOfTheClockDoesNotGoBackInTime() {
        Instant ahead = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MICROS);
        assertThat(ChangeLog.effectiveTime(null, ahead)).isEqualTo(ahead);
    }
}
