package org.ws2.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    void thisMachinesJvmStartsWithTheOptionsTheServicesGet() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ServiceEnvironment.SERVICE_JVM_OPTIONS);
        command.addAll(ServiceEnvironment.trimNativeHeap(Runtime.version()));
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());

        assertThat(java.waitFor()).as(output).isZero();
    }
}
