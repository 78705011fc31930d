package org.ws2.systemtests;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ws2.systemtests.support.SharedStackJourney;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.systemtests.support.Responses.assertOk;
import static org.ws2.systemtests.support.Responses.json;

/**
 * The whole shared stack stopped, as {@code ./ws2 stop} does, and started again: nothing is left running, and what was
 * written before is served after.
 * <p>
 * Last on the shared stack ({@link Order}, after every other journey on it): after the stop it starts again only what
 * the check reads through (PostgreSQL, Kafka, the mail catcher, recommendations-service and the gateway), and leaves
 * the stack so, since the browser stack's start stops it next. A whole second start would cost half a minute more and
 * show nothing else: each service's own restart keeping its data is {@link RestartsSystemIT}'s.
 */
@Order(Integer.MAX_VALUE)
class StopAndRestartSystemIT extends SharedStackJourney {

    /** On 1.4, which this test moves first: no other journey changes it. */
    @Test
    void stopLeavesNoProcessBehindAndARestartKeepsTheData() {
        stack.assumeStartedByThisRun();
        assertOk(gateway.post("/api/recommendations/1.4/transitions", gateway.token("support-staff"),
                "{\"to\":\"PLANNING\",\"note\":\"before the stop\"}"));
        List<Long> pids = stack.processes().values().stream().flatMap(List::stream).toList();
        assertThat(stack.processes()).containsKeys("postgres", "postgres-server", "kafka", "gateway", "recommendations-service",
                "groups-service", "reporting-service", "notifications-service", "web");

        stack.stop();

        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("pid " + pid).isEmpty());
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(stack.home().toString())))
                .as("processes using the stack's data folder").isEmpty();

        stack.start(List.of("recommendations-service", "gateway"));

        HttpResponse<String> current = gateway.get("/api/recommendations/1.4", null);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(json(current).path("status").asString()).isEqualTo("PLANNING");
    }
}
