package org.ws2.localstack;

import org.ws2.localsigning.LocalJwtKeys;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs the whole WS2 system on one machine: the infrastructure (PostgreSQL, Kafka and the SMTP catcher)
 * first, then the service jars, each an OS process recorded in a pid file under {@code $WS2_HOME/run}
 * so that any later invocation can stop it. {@code ./ws2} is a thin wrapper around {@link #main}; the
 * system tests use the same class in-process.
 */
public final class Launcher {

    private final Settings settings;
    private final PrintStream out;
    private final ComponentProcesses processes;
    private final Infrastructure infrastructure;
    private final ServiceEnvironment environment;

    public Launcher(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.processes = new ComponentProcesses(settings, out);
        this.infrastructure = new Infrastructure(settings, processes, out);
        this.environment = new ServiceEnvironment(settings);
    }

    public Launcher(Settings settings) {
        this(settings, System.out);
    }

    public Settings settings() {
        return settings;
    }

    /** Starts everything not yet running and waits until all of it is ready. */
    public void start() {
        start(Components.serviceNames());
    }

    /** Starts the infrastructure and the named services (those already running are left alone), and waits until ready. */
    public void start(Collection<String> serviceNames) {
        start(serviceNames, Map.of());
    }

    /**
     * As {@link #start(Collection)}, running {@code replicas.get(name)} instances of the services named
     * there. The counts are remembered in {@code $WS2_HOME/run/replicas.properties} for later starts; the
     * gateway learns the instances when it starts, so start replicas before it (or restart it).
     */
    public void start(Collection<String> serviceNames, Map<String, Integer> replicas) {
        Set<String> wanted = new LinkedHashSet<>(serviceNames);
        wanted.forEach(Components::service);
        ComponentProcesses.createDirectories(settings.home().resolve("logs"));
        Replicas.update(settings.home(), replicas);
        LocalJwtKeys.loadOrCreate(settings.jwtDir());

        Instant t0 = Instant.now();
        processes.stopOrphanedPostgresServer();
        preflight(wanted);
        infrastructure.start();
        if (wanted.isEmpty()) {
            infrastructure.awaitBrokerAndMail();
            out.printf("PostgreSQL and Kafka are up (%d s)%n", Duration.between(t0, Instant.now()).toSeconds());
            return;
        }
        // The first instance of each service, then the further replicas once those are ready: the first
        // migrates and seeds a fresh database alone, and fewer JVMs start at once on a small machine.
        // (Replicas seeding together are safe too: they take turns, service-defaults' SeedLock.) In each
        // wave the back-end services first and the gateway right after: the gateway needs none of them to
        // start, and health-checks the replicas as they come up.
        for (boolean furtherReplicas : List.of(false, true)) {
            List<ServiceInstance> wave = new ArrayList<>();
            for (Service s : Components.SERVICES) {
                if (wanted.contains(s.name())) {
                    instances(s).stream().filter(i -> (i.number() > 1) == furtherReplicas).forEach(wave::add);
                }
            }
            for (ServiceInstance i : wave) {
                processes.start(i.name(), () -> environment.command(i), environment.processEnvironment(i));
            }
            if (!furtherReplicas) {
                // the first wave's JVMs load their classes meanwhile: on two cores the broker's start is seconds
                infrastructure.awaitBrokerAndMail();
            }
            Map<String, BooleanSupplier> ready = new LinkedHashMap<>();
            wave.forEach(i -> ready.put(i.name(), () -> Readiness.serviceReady(settings, i)));
            processes.awaitAll(ready, "/actuator/health/readiness to answer 200");
        }
        out.printf("WS2 is up (%d s). Gateway: %s%n", Duration.between(t0, Instant.now()).toSeconds(), url(Components.GATEWAY));
        for (Service s : Components.SERVICES) {
            if (!s.name().equals(Components.GATEWAY)) {
                // what runs, not every service: a start of some of them (`./ws2 start web`) lists only what answers
                for (ServiceInstance i : instances(s)) {
                    if (processes.isRunning(i.name())) {
                        out.printf("  %-24s %s%n", i.name(), url(i));
                    }
                }
            }
        }
        out.printf("  logs in %s%n", settings.home().resolve("logs"));
        if (settings.reachableFromOtherMachines()) {
            out.printf("  WS2_BIND_ADDRESS=%s: every port is open to the network, and anyone who reaches %s can sign in"
                    + " as an admin (docs/operators.md)%n", settings.bindAddress(), url(Components.GATEWAY).resolve("/sign-in"));
        }
    }

    /** Checked before starting anything, so that a taken port or a missing jar does not leave half a stack running. */
    private void preflight(Set<String> services) {
        Map<String, List<Integer>> ports = new LinkedHashMap<>(infrastructure.ports());
        for (String name : services) {
            List<ServiceInstance> instances = instances(Components.service(name));
            // the gateway's actuator listens on a port of its own, which another process may hold as well
            instances.forEach(i -> ports.put(i.name(), Stream.of(i.basePort(), Readiness.actuatorBasePort(i)).distinct()
                    .map(settings::port).toList()));
            Path jar = environment.jar(Components.service(name));
            if (instances.stream().anyMatch(i -> !processes.isRunning(i.name())) && !Files.isRegularFile(jar)) {
                throw new LocalStackException(jar + " is missing: build first (./mvnw -B -q -DskipTests package, or ./ws2 start)");
            }
        }
        processes.refuseTakenPorts(ports);
    }

    /** Stops every service (every replica), then the SMTP catcher, Kafka and PostgreSQL. */
    public void stop() {
        int stopped = processes.stopAll(Components.SERVICES.stream().flatMap(s -> Components.allInstanceNames(s).stream()).toList())
                + processes.stopAll(List.of(Components.SMTP, Components.KAFKA, Components.POSTGRES));
        if (stopped == 0) {
            out.println("Nothing was running.");
        }
    }

    /** Stops one component, e.g. {@code recommendations-service} (all its replicas), {@code groups-service-2} or {@code postgres}. */
    public void stop(String name) {
        if (Components.findService(name).isPresent()) {
            processes.stopAll(Components.allInstanceNames(Components.service(name)));
        } else if (Components.names().contains(name) || Components.findInstance(name).isPresent()) {
            processes.stopAll(List.of(name));
        } else {
            throw new LocalStackException("Unknown component '" + name + "'; one of " + Components.names());
        }
    }

    /** The processes of the stack now alive: each component's JVM, its children and the PostgreSQL server. */
    public Map<String, List<Long>> processes() {
        return processes.processes();
    }

    /** The infrastructure this launcher runs, then every service's first instance and each replica that runs. */
    public List<ComponentStatus> status() {
        List<ComponentStatus> result = new ArrayList<>(infrastructure.status());
        for (Service s : Components.SERVICES) {
            for (ServiceInstance i : Components.allInstances(s)) {
                Long pid = processes.running(i.name()).map(ProcessHandle::pid).orElse(null);
                if (pid != null || i.number() == 1) {
                    result.add(new ComponentStatus(i.name(), pid, url(i).toString(),
                            pid != null && Readiness.serviceReady(settings, i), settings.logFile(i.name())));
                }
            }
        }
        return result;
    }

    public String token(String role, List<String> groups) {
        return LocalJwtKeys.loadOrCreate(settings.jwtDir()).token(role, groups);
    }

    /** A service's address ({@code gateway}), or one instance's ({@code groups-service-2}). */
    public URI url(String name) {
        return Components.findService(name).map(s -> url(new ServiceInstance(s, 1)))
                .or(() -> Components.findInstance(name).map(this::url))
                .orElseThrow(() -> new LocalStackException("Unknown service '" + name + "'; one of " + Components.serviceNames()));
    }

    public URI url(ServiceInstance instance) {
        return URI.create("http://localhost:" + settings.port(instance.basePort()));
    }

    /** Where a person opens the mail the local stack sent. */
    public URI smtpCatcherUrl() {
        return infrastructure.smtpCatcherUrl();
    }

    /** The instances to run of a service: as many as {@code --replicas} asked for, now or at an earlier start. */
    public List<ServiceInstance> instances(Service s) {
        return Replicas.instances(settings.home(), s);
    }

    public static void main(String[] args) {
        System.exit(run(args, Settings::fromEnvironment, System.out, System.err));
    }

    /** Runs one {@code ./ws2} command; 0 when it did, 1 for a failure the user can act on, 2 for a usage mistake. */
    static int run(String[] args, Supplier<Settings> settings, PrintStream out, PrintStream err) {
        try {
            Launcher launcher = new Launcher(settings.get(), out);
            CommandLine line = CommandLine.parse(args);
            switch (line.command()) {
                case "start" -> launcher.start(line.servicesToStart(), line.replicas());
                case "stop" -> {
                    if (line.names().isEmpty()) {
                        launcher.stop();
                    } else {
                        line.names().forEach(launcher::stop);
                    }
                }
                case "status" -> CommandLine.printStatus(launcher.status(), out);
                case "token" -> {
                    if (line.names().isEmpty()) {
                        err.println(CommandLine.TOKEN_USAGE);
                        return 2;
                    }
                    out.println(launcher.token(line.names().get(0), line.names().subList(1, line.names().size())));
                }
                default -> {
                    err.println(CommandLine.USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (LocalStackException | IllegalArgumentException | IllegalStateException e) {
            err.println("ws2: " + e.getMessage());
            return 1;
        }
    }
}
