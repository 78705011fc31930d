package org.ws2.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each service instance is run: its JVM's command line (heap, collector, class-data sharing) and
 * the environment variables of the runtime contract, which docker-compose.yml sets the same way.
 */
final class ServiceEnvironment {

    /**
     * Full JIT (C2 serves far more requests than {@code -XX:TieredStopAtLevel=1}); start-up comes from
     * class-data sharing instead (see {@link #command}). Serial GC: a small heap on a shared machine
     * needs no parallel collector threads. The initial heap is the JVM's default of 1/64 of the machine's memory,
     * which on a developer's machine is above every {@link #SERVICE_HEAP} cap: the collector then sizes its
     * generations for the whole cap and a benchmark leaves all of it resident, for live data of a quarter of it.
     * Started at 64 MB, the heap grows only as far as the service needs. docs/performance.md has the measurements.
     */
    static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xms64m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    /**
     * glibc keeps what the JVM's own native allocations (JIT, class loading, sockets) freed: 24-38 MB per
     * service after a benchmark, given back when the native heap is trimmed every 5 s. The option is in JDK 22
     * and in 17 updates (17.0.15 checked here); an older 17 would refuse to start with it, so it goes without.
     */
    static List<String> trimNativeHeap(Runtime.Version java) {
        boolean known = java.feature() >= 22 || (java.feature() == 17 && java.update() >= 15);
        return known ? List.of("-XX:TrimNativeHeapInterval=5000") : List.of();
    }

    /**
     * Heap per service, sized from what each holds after a benchmark at 10,000 recommendations (the catalogue
     * service answers "as of" reads in memory; 44 MB live after a full collection): RSS ≤ 300 MB.
     */
    static final Map<String, String> SERVICE_HEAP = Map.of(
            "recommendations-service", "-Xmx160m",
            "groups-service", "-Xmx160m",
            "reporting-service", "-Xmx128m",
            "notifications-service", "-Xmx128m",
            Components.GATEWAY, "-Xmx128m");

    private final Settings settings;

    ServiceEnvironment(Settings settings) {
        this.settings = settings;
    }

    /**
     * Runs the service from its jar extracted under {@code $WS2_HOME/apps/<service>/<content hash>/},
     * never from {@code target/}: a rebuild while the stack runs rewrites {@code target/*.jar}, and a
     * JVM whose jar changes under it fails on its next class load. The extracted layout (a thin jar and
     * {@code lib/}) is what class-data sharing needs: the first run of a build records the classes it
     * loaded into {@code app.jsa} when it stops ({@code -XX:ArchiveClassesAtExit}); later runs map them
     * from there instead of loading and verifying them again ({@code -XX:SharedArchiveFile}).
     */
    List<String> command(ServiceInstance instance) {
        Service s = instance.service();
        Path app = AppCds.extracted(settings.javaCommand(), jar(s), settings.appsDir(s.name()),
                () -> instances(s).stream().allMatch(i -> PidFile.live(settings.pidFile(i.name())).isEmpty()));
        List<String> command = new ArrayList<>(List.of(settings.javaCommand(), SERVICE_HEAP.getOrDefault(s.name(), "-Xmx192m")));
        command.addAll(SERVICE_JVM_OPTIONS);
        // the services run on the launcher's own JVM (Settings.javaCommand)
        command.addAll(trimNativeHeap(Runtime.version()));
        if (settings.aotContexts()) {
            // the bean definitions the build wrote as code (process-aot): no scanning, no conditions to evaluate
            command.add("-Dspring.aot.enabled=true");
        }
        command.addAll(settings.serviceJvmOptions());
        command.addAll(AppCds.options(app, instance.number() == 1 && settings.recordClassData()));
        command.addAll(List.of("-jar", app.resolve(s.name() + ".jar").toString()));
        return command;
    }

    Path jar(Service s) {
        return settings.repoDir().resolve(s.name()).resolve("target").resolve(s.name() + ".jar");
    }

    /** The gateway is given every instance of each service, comma-separated, and balances across the healthy ones. */
    Map<String, String> variables(ServiceInstance instance) {
        Service s = instance.service();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(settings.port(instance.basePort())));
        // Spring Boot listens on every interface unless told. A service's actuator shares this port, and Boot refuses
        // a MANAGEMENT_SERVER_ADDRESS unless the management server has a port of its own.
        env.put("SERVER_ADDRESS", settings.bindAddress());
        if (s.name().equals(Components.GATEWAY)) {
            // The gateway's actuator listens apart from its API (metrics are for operators), on loopback by the
            // gateway's own default whatever the bind address; Readiness checks it there.
            env.put("MANAGEMENT_SERVER_PORT", String.valueOf(settings.port(Readiness.actuatorBasePort(instance))));
        }
        if (s.database() != null) {
            env.put("SPRING_DATASOURCE_URL", settings.jdbcUrl(s.database()));
            env.put("SPRING_DATASOURCE_USERNAME", settings.postgresUser());
            env.put("SPRING_DATASOURCE_PASSWORD", settings.postgresPassword());
            env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
        } else if (s.name().equals(Components.WEB)) {
            env.put("WS2_GATEWAY_URI", "http://127.0.0.1:" + gatewayPort());
            // the local sign-in page exists only because the local stack hands over its signing key
            env.put("WS2_LOCAL_SIGNING_KEY_DIR", settings.jwtDir().toString());
        } else {
            for (Service backend : Components.SERVICES) {
                if (backend.uriVariable() != null) {
                    env.put(backend.uriVariable(), String.join(",", instances(backend).stream()
                            .map(i -> "http://127.0.0.1:" + settings.port(i.basePort())).toList()));
                }
            }
        }
        if (s.name().equals("notifications-service") || s.name().equals("reporting-service")) {
            // the links they send (emails, the edition-published event, the editions feed) open the pages
            env.put("WS2_PUBLIC_BASE_URL", "http://localhost:" + gatewayPort());
        }
        if (s.name().equals("notifications-service")) {
            env.put("SPRING_MAIL_HOST", "127.0.0.1");
            env.put("SPRING_MAIL_PORT", String.valueOf(settings.port(Ports.SMTP)));
            // Local receivers (a script, a test server) listen on plain http on this machine.
            env.put("WS2_WEBHOOKS_ALLOW_HTTP", "true");
            env.put("WS2_WEBHOOKS_ALLOW_LOOPBACK", "true");
        }
        env.put("WS2_JWT_PUBLIC_KEY_LOCATION", "file:" + settings.jwtDir().resolve("public.pem"));
        return env;
    }

    /**
     * What the instance's process is started with: the runtime contract ({@link #variables}) and how this
     * launcher tunes the process, which is not part of the contract. glibc gives every thread that allocates
     * natively an arena of its own, up to eight per core, and keeps what each one touched; a JVM's own native
     * allocations need no more than two.
     */
    Map<String, String> processEnvironment(ServiceInstance instance) {
        Map<String, String> env = variables(instance);
        env.put("MALLOC_ARENA_MAX", "2");
        return env;
    }

    private int gatewayPort() {
        return settings.port(Components.service(Components.GATEWAY).basePort());
    }

    private List<ServiceInstance> instances(Service s) {
        return Replicas.instances(settings.home(), s);
    }
}
