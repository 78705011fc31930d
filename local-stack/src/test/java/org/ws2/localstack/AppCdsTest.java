package org.ws2.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
