package org.ws2.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceEnvironmentTest {

    @Test
    void theNativeHeapIsTrimmedOnlyWhereTheJvmKnowsTheOption() {
        assertThat(ServiceEnvironment.trimNativeHeap(Runtime.Version.parse("17.0.15+6"))).containsExactly("-XX:TrimNativeHeapInterval=5000");
        assertThat(ServiceEnvironment.trimNativeHeap(Runtime.Version.parse("22.0.2"))).containsExactly("-XX:TrimNativeHeapInterval=5000");
        assertThat(ServiceEnvironment.trimNativeHeap(Runtime.Version.parse("17.0.2"))).isEmpty();
        assertThat(ServiceEnvironment.trimNativeHeap(Runtime.Version.parse("18"))).isEmpty();
    }

    @Test
    void theProcessIsTunedApartFromTheRuntimeContract(@TempDir Path home) {
        ServiceEnvironment environment = new ServiceEnvironment(Settings.from(Map.of(
                "WS2_REPO_DIR", RepoFiles.REPO.toString(), "WS2_HOME", home.toString())));
        ServiceInstance groups = new ServiceInstance(Components.service("groups-service"), 1);

        assertThat(environment.processEnvironment(groups)).containsEntry("MALLOC_ARENA_MAX", "2")
                .containsAllEntriesOf(environment.variables(groups));
        // docker-compose.yml and the Kubernetes manifests set the contract, not this launcher's tuning
        assertThat(environment.variables(groups)).doesNotContainKey("MALLOC_ARENA_MAX");
    }

    @Test
    void thisMachinesJvmStartsWithTheOptionsTheServicesGet() throws Exception {
        // the smallest cap: a JVM refuses an initial heap above its maximum
        String smallestHeap = ServiceEnvironment.SERVICE_HEAP.values().stream()
                .min(Comparator.comparingInt(option -> Integer.parseInt(option.replaceAll("\\D", "")))).orElseThrow();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), smallestHeap));
        command.addAll(ServiceEnvironment.SERVICE_JVM_OPTIONS);
        command.addAll(ServiceEnvironment.trimNativeHeap(Runtime.version()));
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());

        assertThat(java.waitFor()).as(output).isZero();
    }
}
