package org.ws2.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The PostgreSQL server process that a LocalPostgres JVM starts. It outlives a JVM that was killed,
 * holding the data folder and the port, so the launcher finds it by its own pid file and stops it.
 */
final class PostgresServer {

    private PostgresServer() {
    }

    /** The server process, from the first line of {@code postmaster.pid} in the data folder. */
    static Optional<ProcessHandle> find(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** SIGINT is PostgreSQL's fast shutdown: it disconnects clients instead of waiting for them. */
    static void stop(ProcessHandle server, PrintStream out) {
        out.printf("%-24s stopping the PostgreSQL server its JVM left behind (pid %d)%n", Components.POSTGRES, server.pid());
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(server.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            server.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!PidFile.awaitExit(server, Duration.ofSeconds(20))) {
            server.destroyForcibly();
            PidFile.awaitExit(server, Duration.ofSeconds(5));
        }
    }
}
