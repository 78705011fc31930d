package org.ws2.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AppCdsTest {

    @TempDir
    Path apps;

    @Test
    void theFirstRunRecordsBesideTheArchiveAndLaterRunsMapIt() throws IOException {
        Path build = Files.createDirectories(apps.resolve("0123abcd"));

        assertThat(AppCds.options(build, true)).contains("-XX:ArchiveClassesAtExit=" + build.resolve(AppCds.RECORDING));
        assertThat(AppCds.options(build, false)).isEmpty();

        Files.writeString(build.resolve(AppCds.RECORDING), "classes");
        AppCds.settle(apps, true);

        assertThat(build.resolve(AppCds.RECORDING)).doesNotExist();
        assertThat(build.resolve(AppCds.ARCHIVE)).hasContent("classes");
        assertThat(AppCds.options(build, true)).contains("-XX:SharedArchiveFile=" + build.resolve(AppCds.ARCHIVE))
                .noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit"));
    }

    @Test
    void aRecordingOfAJvmThatWasKilledIsNeverMapped() throws IOException {
        Path build = Files.createDirectories(apps.resolve("0123abcd"));
        Files.writeString(build.resolve(AppCds.RECORDING), "half an archive");

        AppCds.settle(apps, false);

        assertThat(build.resolve(AppCds.RECORDING)).doesNotExist();
        assertThat(build.resolve(AppCds.ARCHIVE)).doesNotExist();
        assertThat(AppCds.options(build, true)).contains("-XX:ArchiveClassesAtExit=" + build.resolve(AppCds.RECORDING));
    }

    @Test
    void aServiceThatNeverRanHasNothingToSettle() {
        AppCds.settle(apps.resolve("never-started"), true);

        assertThat(apps.resolve("never-started")).doesNotExist();
    }

    @Test
    void jarsKeepTheirFolderUntilOneChangesThenTheOldFolderGoes(@TempDir Path lib) throws IOException {
        Path broker = Files.writeString(lib.resolve("kafka-server.jar"), "classes");
        Path clients = Files.writeString(lib.resolve("kafka-clients.jar"), "more classes");
        Path kafka = apps.resolve("kafka");

        Path first = AppCds.forClassPath(List.of(broker, clients), kafka).orElseThrow();
        Files.writeString(first.resolve(AppCds.ARCHIVE), "archive");

        assertThat(AppCds.forClassPath(List.of(broker, clients), kafka)).contains(first);
        assertThat(first.resolve(AppCds.ARCHIVE)).exists();

        // a rebuilt jar: the JVM would refuse the archive, so it gets a folder of its own and records again
        Files.setLastModifiedTime(clients, FileTime.from(Instant.now().plusSeconds(60)));
        Path second = AppCds.forClassPath(List.of(broker, clients), kafka).orElseThrow();

        assertThat(second).isNotEqualTo(first).isEmptyDirectory();
        assertThat(first).doesNotExist();
        assertThat(AppCds.forClassPath(List.of(clients, broker), kafka)).get().isNotEqualTo(second);
    }

    @Test
    void aClassPathWithAFolderOfClassesRecordsNothing(@TempDir Path lib) throws IOException {
        Path jar = Files.writeString(lib.resolve("kafka-server.jar"), "classes");
        Path classes = Files.createDirectories(lib.resolve("classes"));

        assertThat(AppCds.forClassPath(List.of(jar, classes), apps.resolve("kafka"))).isEmpty();
        assertThat(AppCds.forClassPath(List.of(jar, lib.resolve("missing.jar")), apps.resolve("kafka"))).isEmpty();
        assertThat(apps.resolve("kafka")).doesNotExist();
    }
}
