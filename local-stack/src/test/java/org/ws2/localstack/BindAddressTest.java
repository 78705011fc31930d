package org.ws2.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The local sign-in page gives an admin token to whoever asks, so the stack listens on this machine only unless told. */
class BindAddressTest {

    @TempDir
    Path home;

    Settings settings(String bindAddress) {
        return Settings.from(Map.of("WS2_REPO_DIR", RepoFiles.REPO.toString(), "WS2_HOME", home.toString(),
                "WS2_PORT_OFFSET", "0", "WS2_POSTGRES_HOST", "", "WS2_KAFKA_BOOTSTRAP_SERVERS", "",
                "WS2_BIND_ADDRESS", bindAddress));
    }

    @Test
    void everyServiceListensOnLoopbackByDefault() {
        Settings settings = settings("");

        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.reachableFromOtherMachines()).isFalse();
        for (Service s : Components.SERVICES) {
            assertThat(new ServiceEnvironment(settings).variables(new ServiceInstance(s, 1))).as(s.name())
                    .containsEntry("SERVER_ADDRESS", "127.0.0.1")
                    // Boot fails to start with a management address but no management port of its own
                    .doesNotContainKey("MANAGEMENT_SERVER_ADDRESS");
        }
    }

    @Test
    void theGatewaysActuatorHasAPortOfItsOwnWhichReadinessChecks() {
        Settings settings = settings("0.0.0.0");
        ServiceInstance gateway = new ServiceInstance(Components.service(Components.GATEWAY), 1);

        // metrics are for operators: apart from the API port, and on the gateway's default loopback address
        // whatever the bind address (no MANAGEMENT_SERVER_ADDRESS)
        assertThat(new ServiceEnvironment(settings).variables(gateway))
                .containsEntry("SERVER_PORT", "8080")
                .containsEntry("MANAGEMENT_SERVER_PORT", "18080")
                .doesNotContainKey("MANAGEMENT_SERVER_ADDRESS");
        assertThat(Readiness.readinessUrl(settings, gateway)).isEqualTo("http://127.0.0.1:18080/actuator/health/readiness");
        ServiceInstance groups = new ServiceInstance(Components.service("groups-service"), 1);
        assertThat(new ServiceEnvironment(settings).variables(groups)).doesNotContainKey("MANAGEMENT_SERVER_PORT");
        assertThat(Readiness.readinessUrl(settings, groups)).isEqualTo("http://127.0.0.1:8082/actuator/health/readiness");
    }

    @Test
    void kafkaListensOnTheBindAddressAndKeepsItsControllerOnLoopback() throws IOException {
        Path file = LocalKafka.writeConfig(home.resolve("kafka.properties"), home.resolve("kafka"), "0.0.0.0", 19092, 19093);

        Properties config = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            config.load(in);
        }
        assertThat(config.getProperty("listeners")).isEqualTo("PLAINTEXT://0.0.0.0:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(config.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
    }

    @Test
    void everyInterfaceOnlyWhenAskedFor() {
        Settings settings = settings("0.0.0.0");

        assertThat(settings.reachableFromOtherMachines()).isTrue();
        assertThat(new ServiceEnvironment(settings).variables(new ServiceInstance(Components.service(Components.WEB), 1)))
                .containsEntry("SERVER_ADDRESS", "0.0.0.0");
    }

    @Test
    void refusesAnAddressTheComponentsCouldNotReachEachOtherOn() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int rc = Launcher.run(new String[] {"status"}, () -> settings("192.168.1.20"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true));

        assertThat(rc).isEqualTo(1);
        assertThat(err.toString()).contains("WS2_BIND_ADDRESS=192.168.1.20 is not supported", "127.0.0.1", "0.0.0.0");
    }
}
