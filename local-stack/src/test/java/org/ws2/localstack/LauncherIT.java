package org.ws2.localstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.ws2.localstack.fake.CrashingService;
import org.ws2.localstack.fake.FakeService;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The launcher against real PostgreSQL and Kafka processes, with small stand-in jars for the five
 * services (the real ones are exercised by the system tests). Ports are offset by 5000 so that a
 * developer's running stack (offset 0) and the system tests (10000) are never disturbed, and all stay
 * below Linux's ephemeral range (32768 up), where any client socket may be holding a port.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

    static final int OFFSET = 5000;
    static final String TOPIC = "ws2.launcher-test.v1";

    @TempDir
    static Path tmp;
    static Path repo;
    static Path home;
    static Launcher launcher;
    static final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeAll
    static void fakeRepository() throws IOException {
        repo = Files.createDirectories(tmp.resolve("repo"));
        home = tmp.resolve("home");
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.writeString(repo.resolve("ws2"), "#!/bin/sh");
        for (Service s : Components.SERVICES) {
            writeJar(s.name(), FakeService.class);
        }
        // the real SMTP catcher, which this module's package phase copied into its target/
        Path catcher = Path.of("target/smtp-catcher/greenmail-standalone.jar");
        Files.copy(catcher, Files.createDirectories(repo.resolve("local-stack/target/smtp-catcher"))
                .resolve(catcher.getFileName()));
        launcher = new Launcher(Settings.from(Map.of(
                "WS2_REPO_DIR", repo.toString(),
                "WS2_HOME", home.toString(),
                "WS2_PORT_OFFSET", String.valueOf(OFFSET),
                // always the launcher's own infrastructure here, whatever the environment says
                "WS2_POSTGRES_HOST", "",
                "WS2_KAFKA_BOOTSTRAP_SERVERS", "",
                "WS2_START_TIMEOUT_SECONDS", "120")),
                new PrintStream(new TeeStream(output, System.out), true));
    }

    @AfterAll
    static void stopEverything() {
        launcher.stop();
    }

    @Test
    @Order(1)
    void startsInfrastructureThenServicesAndHandsThemTheContractVariables() {
        launcher.start();

        assertThat(launcher.status()).allSatisfy(s -> {
            assertThat(s.pid()).as(s.name()).isNotNull();
            assertThat(s.ready()).as(s.name()).isTrue();
        });
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(log("recommendations-service")).contains(
                "env SERVER_PORT=13081",
                "env SERVER_ADDRESS=127.0.0.1",
                "env SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:20432/ws2_recommendations",
                "env SPRING_DATASOURCE_USERNAME=postgres",
                "env SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:24092",
                "env WS2_JWT_PUBLIC_KEY_LOCATION=file:" + home.resolve("jwt/public.pem")));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(log("gateway")).contains(
                "env SERVER_PORT=13080",
                // the gateway's actuator on a port of its own, which the launcher waited on
                "env MANAGEMENT_SERVER_PORT=23080",
                "env WS2_RECOMMENDATIONS_URI=http://127.0.0.1:13081",
                "env WS2_GROUPS_URI=http://127.0.0.1:13082",
                "env WS2_REPORTING_URI=http://127.0.0.1:13083",
                "env WS2_NOTIFICATIONS_URI=http://127.0.0.1:13084"));
        assertThat(Files.exists(home.resolve("jwt/private-key.pem"))).isTrue();
        // services run extracted copies, so that a rebuild of target/*.jar cannot break a running JVM
        assertThat(ProcessHandle.of(launcher.processes().get("gateway").get(0)).orElseThrow().info().commandLine().orElseThrow())
                .contains(home.resolve("apps/gateway").toString()).doesNotContain("TieredStopAtLevel");
    }

    /** Anyone who reaches the stack can sign in as an admin on its local sign-in page: only this machine may. */
    @Test
    @Order(2)
    void everyComponentListensOnLoopbackOnly() throws IOException {
        Map<String, List<Long>> pids = new TreeMap<>(launcher.processes());
        // processes() names what stop() must end; the SMTP catcher is found by its status
        launcher.status().stream().filter(s -> s.name().equals(Components.SMTP)).forEach(s -> pids.put(s.name(), List.of(s.pid())));
        Map<String, List<ListeningSockets.Socket>> listening = new TreeMap<>();
        for (Map.Entry<String, List<Long>> component : pids.entrySet()) {
            for (long pid : component.getValue()) {
                listening.computeIfAbsent(component.getKey(), k -> new ArrayList<>()).addAll(ListeningSockets.of(pid));
            }
        }

        assertThat(listening.keySet()).contains("postgres-server", Components.KAFKA, Components.SMTP, Components.GATEWAY, Components.WEB);
        assertThat(listening.get("kafka")).extracting(ListeningSockets.Socket::port).contains(19092 + OFFSET, 19093 + OFFSET);
        Map<String, List<ListeningSockets.Socket>> reachableFromOtherMachines = new TreeMap<>();
        listening.forEach((component, sockets) -> sockets.stream().filter(socket -> !socket.loopback())
                .forEach(socket -> reachableFromOtherMachines.computeIfAbsent(component, k -> new ArrayList<>()).add(socket)));
        assertThat(reachableFromOtherMachines).as("sockets not bound to 127.0.0.1 (all: %s)", listening).isEmpty();
    }

    @Test
    @Order(3)
    void postgresHasTheFourDatabasesAndTakesWrites() throws SQLException {
        for (String db : Databases.NAMES) {
            try (Connection c = connect(db)) {
                assertThat(c.isValid(2)).as(db).isTrue();
            }
        }
        try (Connection c = connect("ws2_groups"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (note text)");
            s.execute("INSERT INTO kept VALUES ('written before a restart')");
        }
    }

    @Test
    @Order(4)
    void kafkaTakesAndGivesBackARecord() {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            producer.send(new ProducerRecord<>(TOPIC, "1.1", "hello")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(consumeAll()).contains("1.1=hello");
    }

    @Test
    @Order(5)
    void startAgainLeavesRunningComponentsAlone() {
        Map<String, List<Long>> before = launcher.processes();

        launcher.start();

        assertThat(launcher.processes()).isEqualTo(before);
        assertThat(output.toString()).contains("already running");
    }

    @Test
    @Order(6)
    void stopsAndRestartsOneService() {
        long pid = launcher.processes().get("recommendations-service").get(0);
        List<Long> others = launcher.processes().get("groups-service");

        launcher.stop("recommendations-service");

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(launcher.processes()).doesNotContainKey("recommendations-service");
        assertThat(launcher.processes().get("groups-service")).isEqualTo(others);

        launcher.start();

        assertThat(launcher.processes().get("recommendations-service").get(0)).isNotEqualTo(pid);
        assertThat(launcher.status()).allSatisfy(s -> assertThat(s.ready()).as(s.name()).isTrue());
    }

    @Test
    @Order(7)
    void stopLeavesNoProcessBehindAndARestartKeepsTheData() throws SQLException, IOException {
        List<Long> pids = launcher.processes().values().stream().flatMap(List::stream).toList();
        assertThat(launcher.processes()).containsKeys("postgres", "postgres-server", "kafka", "gateway");

        launcher.stop();

        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("pid " + pid).isEmpty());
        assertThat(launcher.processes()).isEmpty();
        // each service's first run recorded its class-data archive as it exited, and the restart maps it
        assertThat(archives("groups-service")).singleElement().satisfies(a -> assertThat(Files.size(a)).isPositive());
        assertThat(archives("groups-service").get(0).resolveSibling(AppCds.RECORDING)).doesNotExist();
        // so did the mail catcher, which runs from its real jar (the broker and PostgreSQL run from this module's
        // class folders here, from which the JVM records nothing: AppCds.forClassPath)
        assertThat(archives(Components.SMTP)).singleElement().satisfies(a -> assertThat(Files.size(a)).isPositive());

        launcher.start();

        assertThat(ProcessHandle.of(launcher.processes().get("groups-service").get(0)).orElseThrow().info().commandLine().orElseThrow())
                .contains("-XX:SharedArchiveFile=" + archives("groups-service").get(0)).doesNotContain("ArchiveClassesAtExit");
        assertThat(PidFile.live(home.resolve("run").resolve(Components.SMTP + ".pid")).orElseThrow().info().commandLine().orElseThrow())
                .contains("-XX:SharedArchiveFile=" + archives(Components.SMTP).get(0)).doesNotContain("ArchiveClassesAtExit");

        try (Connection c = connect("ws2_groups"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT note FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("written before a restart");
        }
        assertThat(consumeAll()).contains("1.1=hello");
    }

    @Test
    @Order(8)
    void usesAnExternalPostgresAndKafkaWhenTheyAreConfigured() throws IOException, SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE ws2_reporting");
        }
        Path otherHome = tmp.resolve("external-home");
        Launcher external = new Launcher(Settings.from(Map.of(
                "WS2_REPO_DIR", repo.toString(),
                "WS2_HOME", otherHome.toString(),
                "WS2_PORT_OFFSET", String.valueOf(OFFSET + 100),
                "WS2_POSTGRES_HOST", "127.0.0.1",
                "WS2_POSTGRES_PORT", String.valueOf(15432 + OFFSET),
                "WS2_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + (19092 + OFFSET))),
                new PrintStream(new TeeStream(output, System.out), true));
        try {
            external.start(List.of("reporting-service"));

            assertThat(external.processes()).containsOnlyKeys("reporting-service");
            // the services it lists are those that run: not groups-service (its port would be 13182)
            assertThat(output.toString()).contains("reporting-service        http://localhost:13183").doesNotContain(":13182");
            try (Connection c = connect("ws2_reporting")) {
                assertThat(c.isValid(2)).isTrue();
            }
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                    Files.readString(otherHome.resolve("logs/reporting-service.log"))).contains(
                    "env SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:" + (15432 + OFFSET) + "/ws2_reporting",
                    "env SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:" + (19092 + OFFSET)));
        } finally {
            external.stop();
        }
        assertThat(launcher.processes()).containsKeys("postgres", "kafka");
    }

    @Test
    @Order(9)
    void recoversWhenThePostgresJvmWasKilledAndLeftItsServerRunning() throws SQLException {
        ProcessHandle jvm = ProcessHandle.of(launcher.processes().get("postgres").get(0)).orElseThrow();
        long server = launcher.processes().get("postgres-server").get(0);

        jvm.destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).until(() -> !jvm.isAlive());
        assertThat(ProcessHandle.of(server).filter(ProcessHandle::isAlive)).isPresent();

        launcher.start(List.of());

        assertThat(ProcessHandle.of(server).filter(ProcessHandle::isAlive)).isEmpty();
        try (Connection c = connect("ws2_groups")) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    @Order(10)
    void namesTheServiceThatDiesWhileStartingAndItsLog() throws IOException {
        // the rest keeps running, as when one service is restarted after an edit (and PostgreSQL and Kafka need
        // no second start here)
        launcher.stop("reporting-service");
        writeJar("reporting-service", CrashingService.class);
        try {
            assertThatThrownBy(launcher::start)
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("reporting-service stopped while starting")
                    .hasMessageContaining(home.resolve("logs/reporting-service.log").toString())
                    .hasMessageContaining("APPLICATION FAILED TO START");
        } finally {
            launcher.stop();
            writeJar("reporting-service", FakeService.class);
        }
    }

    @Test
    @Order(11)
    void refusesAPortThatAnotherProcessHolds() throws IOException {
        try (ServerSocket taken = new ServerSocket(8080 + OFFSET, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(launcher::start).hasMessageContaining("gateway cannot start: port 13080 is already in use");
        } finally {
            launcher.stop();
        }
        try (ServerSocket taken = new ServerSocket(18080 + OFFSET, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(launcher::start).hasMessageContaining("gateway cannot start: port 23080 is already in use");
        } finally {
            launcher.stop();
        }
    }

    // ---------------------------------------------------------------- helpers

    static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + (15432 + OFFSET) + "/" + db, "postgres", "");
    }

    static String log(String component) throws IOException {
        return Files.readString(home.resolve("logs").resolve(component + ".log"));
    }

    static Properties producerConfig() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + (19092 + OFFSET));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    static List<String> consumeAll() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + (19092 + OFFSET));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "launcher-it-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(r.key() + "=" + r.value());
                }
                return !seen.isEmpty();
            });
        }
        return seen;
    }

    /** The class-data archives a component's runs recorded, one per build. */
    private static List<Path> archives(String component) throws IOException {
        try (Stream<Path> files = Files.walk(home.resolve("apps").resolve(component))) {
            return files.filter(f -> f.getFileName().toString().equals(AppCds.ARCHIVE)).toList();
        }
    }

    /** A runnable jar holding one class with a main method, standing in for a Spring Boot jar. */
    static void writeJar(String service, Class<?> main) throws IOException {
        Path jar = Files.createDirectories(repo.resolve(service).resolve("target")).resolve(service + ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
        String entry = main.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             InputStream in = main.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }

    /** Keeps what the launcher prints for assertions while still showing it in the test report. */
    static final class TeeStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
