package org.ws2.localstack;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The operating-system processes of the stack's components: each started with its output appended to
 * {@code $WS2_HOME/logs/<name>.log} and recorded in {@code $WS2_HOME/run/<name>.pid}, so that any later
 * invocation finds it, waits for it, or stops it.
 */
final class ComponentProcesses {

    /**
     * Long enough for Spring's graceful shutdown and, on the first run of a build, for the JVM to write
     * its class-data archive at exit, which on a busy machine takes well over 30 s.
     */
    private static final Duration STOP_GRACE = Duration.ofSeconds(90);

    private final Settings settings;
    private final PrintStream out;

    ComponentProcesses(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    Optional<ProcessHandle> running(String name) {
        return PidFile.live(settings.pidFile(name));
    }

    boolean isRunning(String name) {
        return running(name).isPresent();
    }

    /** The command is only computed when the component is not running: computing it may copy its jar. */
    void start(String name, Supplier<List<String>> commandLine, Map<String, String> environment) {
        Optional<ProcessHandle> running = running(name);
        if (running.isPresent()) {
            out.printf("%-24s already running (pid %d)%n", name, running.get().pid());
            return;
        }
        List<String> command = commandLine.get();
        Path log = settings.logFile(name);
        try {
            createDirectories(log.getParent());
            Files.writeString(log, "==== " + LocalDateTime.now() + " starting " + String.join(" ", command) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(settings.repoDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            PidFile.write(settings.pidFile(name), process.toHandle());
            out.printf("%-24s started (pid %d), log %s%n", name, process.pid(), log);
        } catch (IOException e) {
            throw new LocalStackException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Refuses to go on when another process holds a port of a component that is not running. */
    void refuseTakenPorts(Map<String, List<Integer>> ports) {
        ports.forEach((name, list) -> {
            if (!isRunning(name)) {
                list.stream().filter(Readiness::portOpen).findFirst().ifPresent(port -> {
                    throw new LocalStackException(name + " cannot start: port " + port + " is already in use by another process"
                            + " (another WS2 stack? WS2_PORT_OFFSET=100 runs a second one on other ports)");
                });
            }
        });
    }

    /** Waits for {@code condition}, failing with the log's last lines if the process dies or the start timeout passes. */
    void await(String name, BooleanSupplier condition, String what) {
        awaitAll(Map.of(name, condition), what);
    }

    /**
     * As {@link #await} for several components at once, each checked in turn until all are ready: a service's
     * first readiness call is a cold request (about a second on a busy machine), which then overlaps the others' starts
     * instead of following the slowest.
     */
    void awaitAll(Map<String, BooleanSupplier> conditions, String what) {
        Instant deadline = Instant.now().plus(settings.startTimeout());
        Map<String, BooleanSupplier> waiting = new LinkedHashMap<>(conditions);
        while (true) {
            waiting.values().removeIf(BooleanSupplier::getAsBoolean);
            if (waiting.isEmpty()) {
                return;
            }
            for (String name : waiting.keySet()) {
                if (!isRunning(name)) {
                    Path log = settings.logFile(name);
                    throw new LocalStackException(name + " stopped while starting; see its log " + log + tail(log));
                }
                if (Instant.now().isAfter(deadline)) {
                    Path log = settings.logFile(name);
                    throw new LocalStackException(name + " was not ready after " + settings.startTimeout().toSeconds()
                            + " s (waiting for " + what + "); see its log " + log + tail(log));
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("Interrupted while waiting for " + String.join(", ", waiting.keySet()), e);
            }
        }
    }

    /** SIGTERM to all of them at once, so that shutdowns overlap; SIGKILL after a grace period. Returns how many ran. */
    int stopAll(List<String> names) {
        // pg_ctl reports "stopped" once the server removed its pid file, a moment before the process is gone
        Optional<ProcessHandle> server = names.contains(Components.POSTGRES) ? postgresServer() : Optional.empty();
        Map<String, ProcessHandle> running = new LinkedHashMap<>();
        for (String name : names) {
            running(name).ifPresentOrElse(p -> running.put(name, p), () -> {
                PidFile.delete(settings.pidFile(name));
                settleClassData(name, false);
            });
        }
        running.values().forEach(ProcessHandle::destroy);
        if (running.values().stream().anyMatch(p -> p.info().commandLine().orElse("").contains("-XX:ArchiveClassesAtExit"))) {
            out.println("The first stop of this build: its JVMs write their class-data archives (up to a minute), "
                    + "so that the next start is faster");
        }
        running.forEach((name, process) -> {
            boolean clean = PidFile.awaitExit(process, STOP_GRACE);
            if (!clean) {
                PidFile.terminate(process, Duration.ZERO);
            }
            PidFile.delete(settings.pidFile(name));
            settleClassData(name, clean);
            out.printf("%-24s stopped (pid %d%s)%n", name, process.pid(), clean ? "" : ", killed after " + STOP_GRACE.toSeconds() + " s");
        });
        server.filter(p -> !PidFile.awaitExit(p, Duration.ofSeconds(10))).ifPresent(p -> PostgresServer.stop(p, out));
        return running.size();
    }

    /** The first instance of a service, and each infrastructure JVM, records its class-data archive as it exits (AppCds). */
    private void settleClassData(String name, boolean exitedCleanly) {
        if (Components.INFRASTRUCTURE.contains(name)) {
            AppCds.settle(settings.appsDir(name), exitedCleanly);
        }
        Components.findInstance(name).filter(i -> i.number() == 1)
                .ifPresent(i -> AppCds.settle(settings.appsDir(i.service().name()), exitedCleanly));
    }

    /** A PostgreSQL server left behind by a LocalPostgres JVM that was killed holds the data folder and the port. */
    void stopOrphanedPostgresServer() {
        if (settings.externalPostgres() == null && !isRunning(Components.POSTGRES)) {
            postgresServer().ifPresent(p -> PostgresServer.stop(p, out));
        }
    }

    Optional<ProcessHandle> postgresServer() {
        return PostgresServer.find(settings.postgresDataDir());
    }

    /** The processes of the stack now alive: each component's JVM, its children and the PostgreSQL server. */
    Map<String, List<Long>> processes() {
        Map<String, List<Long>> pids = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(List.of(Components.POSTGRES, Components.KAFKA));
        Components.SERVICES.forEach(s -> names.addAll(Components.allInstanceNames(s)));
        for (String name : names) {
            running(name).ifPresent(p -> {
                List<Long> list = new ArrayList<>(List.of(p.pid()));
                p.descendants().forEach(d -> list.add(d.pid()));
                pids.put(name, list);
            });
        }
        postgresServer().ifPresent(p -> pids.put("postgres-server", List.of(p.pid())));
        return pids;
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "\n---- last lines of " + log.getFileName() + " ----\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
