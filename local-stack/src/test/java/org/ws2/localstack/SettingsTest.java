package org.ws2.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @Test
    void theServicesRunTheirAotProcessedContextsUnlessASpringSettingCouldChangeTheirBeans(@TempDir Path home) {
        assumeFalse(Settings.carriesSpringSettings(System.getenv().keySet()), "this JVM's own environment carries a Spring setting");
        assertThat(settings(home, Map.of()).aotContexts()).isTrue();

        assertThat(settings(home, Map.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                "http://127.0.0.1:4318/v1/traces")).aotContexts()).isFalse();
        assertThat(settings(home, Map.of("SPRING_MAIL_HOST", "mail.example.org")).aotContexts()).isFalse();
        assertThat(settings(home, Map.of("WS2_SPRING_AOT", "false")).aotContexts()).isFalse();
        // whoever knows their settings decide no bean (log levels, say) says so
        assertThat(settings(home, Map.of("SPRING_APPLICATION_JSON", "{\"logging\":{}}", "WS2_SPRING_AOT", "true"))
                .aotContexts()).isTrue();
        // an empty value is unset, as for every other setting
        assertThat(settings(home, Map.of("SPRING_MAIL_HOST", "")).aotContexts()).isTrue();
    }

    private static Settings settings(Path home, Map<String, String> environment) {
        Map<String, String> values = new HashMap<>(environment);
        values.putAll(Map.of("WS2_REPO_DIR", RepoFiles.REPO.toString(), "WS2_HOME", home.toString()));
        return Settings.from(values);
    }
}
