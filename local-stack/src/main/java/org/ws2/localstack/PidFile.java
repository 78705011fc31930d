package org.ws2.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A pid file holds the pid and the start time of the process: after a reboot the same pid can belong
 * to some unrelated process, and the launcher must never signal that one.
 */
final class PidFile {

    private PidFile() {
    }

    static void write(Path file, ProcessHandle process) {
        long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, process.pid() + " " + started + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live process the file points to, if any. */
    static Optional<ProcessHandle> live(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String[] parts;
        try {
            parts = Files.readString(file).trim().split("\\s+");
        } catch (IOException e) {
            return Optional.empty();
        }
        long pid = Long.parseLong(parts[0]);
        long started = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> started == 0 || p.info().startInstant()
                        // /proc start times are tick-granular; a different process would differ by far more
                        .map(i -> Math.abs(i.toEpochMilli() - started) < 1000).orElse(true));
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, wait for a clean exit, then SIGKILL. Returns true if it had to kill. */
    static boolean terminate(ProcessHandle process, Duration grace) {
        process.destroy();
        if (awaitExit(process, grace)) {
            return false;
        }
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(10));
        return true;
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }
}
