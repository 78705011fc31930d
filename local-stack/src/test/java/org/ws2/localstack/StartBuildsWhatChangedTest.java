package org.ws2.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./ws2 start} builds (ADR 0042): the script's own {@code modules_to_build}, run by bash over a small
 * repository of two modules and a profile's module, with files older or newer than the last build's marker.
 */
class StartBuildsWhatChangedTest {

    private static final Instant BUILT = Instant.parse("2026-01-02T00:00:00Z");

    @TempDir
    Path repo;

    @BeforeEach
    void twoModulesBuiltOnce() throws IOException {
        write("pom.xml", """
                <project>
                  <modules>
                    <module>alpha</module>
                    <module>local-stack</module>
                  </modules>
                  <profiles><profile><modules><module>bench</module></modules></profile></profiles>
                </project>
                """, BUILT.minusSeconds(60));
        for (String module : List.of("alpha", "local-stack", "bench")) {
            write(module + "/pom.xml", "<project/>", BUILT.minusSeconds(60));
            write(module + "/src/main/java/Main.java", "class Main {}", BUILT.minusSeconds(60));
            Files.createDirectories(repo.resolve(module).resolve("target"));
        }
        write("local-stack/target/ws2-start.built", "", BUILT);
    }

    @Test
    void nothingChangedBuildsNothing() throws Exception {
        assertThat(modulesToBuild()).isEmpty();
    }

    @Test
    void aChangeInsideAModuleBuildsThatModuleOnly() throws Exception {
        write("alpha/src/main/java/Main.java", "class Main { int changed; }", BUILT.plusSeconds(60));
        assertThat(modulesToBuild()).isEqualTo("alpha");
    }

    @Test
    void aChangeToTestsAloneBuildsNothing() throws Exception {
        write("alpha/src/test/java/MainTest.java", "class MainTest {}", BUILT.plusSeconds(60));
        assertThat(modulesToBuild()).isEmpty();
    }

    @Test
    void aModuleWithoutTargetIsBuilt() throws Exception {
        Files.delete(repo.resolve("alpha/target"));
        assertThat(modulesToBuild()).isEqualTo("alpha");
    }

    @Test
    void aChangeToWhatBuildsEveryModuleBuildsEverything() throws Exception {
        for (String file : List.of("lombok.config", "mvnw", ".mvn/maven.config")) {
            write(file, "as built", BUILT.minusSeconds(60));
        }
        for (String file : List.of("pom.xml", "lombok.config", "mvnw", ".mvn/maven.config")) {
            Files.setLastModifiedTime(repo.resolve(file), FileTime.from(BUILT.plusSeconds(60)));
            assertThat(modulesToBuild()).as(file).isEqualTo("all");
            Files.setLastModifiedTime(repo.resolve(file), FileTime.from(BUILT.minusSeconds(60)));
        }
    }

    @Test
    void aChangeInNoModuleOfTheStackBuildsNothing() throws Exception {
        write("README.md", "changed", BUILT.plusSeconds(60));
        write("docs/adr/0001-anything.md", "changed", BUILT.plusSeconds(60));
        write("bench/src/main/java/Main.java", "class Main { int changed; }", BUILT.plusSeconds(60));
        assertThat(modulesToBuild()).isEmpty();

        write("alpha/src/main/java/Main.java", "class Main { int changed; }", BUILT.plusSeconds(60));
        assertThat(modulesToBuild()).isEqualTo("alpha");
    }

    @Test
    void noMarkerBuildsEverything() throws Exception {
        Files.delete(repo.resolve("local-stack/target/ws2-start.built"));
        assertThat(modulesToBuild()).isEqualTo("all");
    }

    private String modulesToBuild() throws IOException, InterruptedException {
        String script = Files.readString(RepoFiles.REPO.resolve("ws2"));
        String function = script.substring(script.indexOf("\nbuilt=") + 1, script.indexOf("\n}\n", script.indexOf("\nbuilt=")) + 3);
        Process bash = new ProcessBuilder("bash", "-c", "set -euo pipefail\nrepo=\"$1\"\n" + function + "modules_to_build",
                "bash", repo.toString()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes()).strip();
        assertThat(bash.waitFor()).as(output).isZero();
        return output;
    }

    private void write(String file, String content, Instant modified) throws IOException {
        Path path = repo.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        Files.setLastModifiedTime(path, FileTime.from(modified));
    }
}
