package org.ws2.recommendations.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service ships its own copy of the shared WS2 reference data, so that it needs nothing outside
 * its jar at run time. Where the shared data sits beside the clone ({@code ../shared/data/ws2}, as
 * in CI), the copy must say the same thing; elsewhere this test is skipped.
 */
class ReferenceDataCopyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = { "recommendations.json", "topics.json" })
    void theShippedCopyEqualsTheSharedReferenceData(String file) throws IOException {
        Path shared = sharedData().resolve(file);
        assumeTrue(Files.isRegularFile(shared), "no shared reference data beside the clone: " + shared);

        JsonNode copy;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("ws2/" + file)) {
            copy = JSON.readTree(in);
        }

        assertThat(copy).as("ws2/%s against %s; copy the shared file into src/main/resources/ws2/", file, shared)
                .isEqualTo(JSON.readTree(Files.readString(shared)));
    }

    /** {@code <clone>/../shared/data/ws2}; the test runs in the module directory, one below the clone. */
    private static Path sharedData() {
        return Path.of("").toAbsolutePath().getParent().getParent().resolve("shared/data/ws2");
    }
}
