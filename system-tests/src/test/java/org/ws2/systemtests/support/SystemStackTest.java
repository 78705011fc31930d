package org.ws2.systemtests.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A developer's running stack is used by the journeys, never stopped in parts: the test that would is skipped. */
class SystemStackTest {

    @Test
    void aStackThisRunDidNotStartIsNeitherStoppedNorKilledInParts(@TempDir Path home) {
        SystemStack developers = SystemStack.alreadyRunning("developer's", home, "10000");

        assertThatThrownBy(() -> developers.stop(SystemStack.KAFKA)).isInstanceOf(TestAbortedException.class);
        assertThatThrownBy(() -> developers.kill("groups-service-1")).isInstanceOf(TestAbortedException.class);
    }
}
