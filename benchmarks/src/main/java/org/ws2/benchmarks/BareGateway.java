package org.ws2.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A bare Spring Cloud Gateway route ({@link BareGatewayApplication}) to one service, which the benchmark
 * starts and stops itself: the peer the gateway is measured against in the same run (issue 23).
 * <p>
 * It runs in a JVM of its own, as the gateway does, so that neither shares a heap, a collector or compiler
 * threads with the load driver; with the gateway's JVM options (local-stack's {@code ServiceEnvironment}:
 * heap, serial collector, full JIT) and the gateway's Boot and Cloud versions (this reactor's parent and
 * BOM), so that what differs is only what the gateway adds. It listens on a free loopback port.
 */
final class BareGateway implements AutoCloseable {

    /** The gateway's own, so that the JVM is not what is compared. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx128m", "-Xms64m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
    /** A Spring Cloud Gateway starts in 5-15 s on two quiet cores, and took 50 s at a load average of 37. */
    static final Duration START_LIMIT = Duration.ofMinutes(3);

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread killOnExit;

    private BareGateway(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        // a driver stopped with Ctrl-C must not leave the peer listening
        this.killOnExit = new Thread(process::destroyForcibly, "bare-gateway-stop");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts the bare gateway with one route, {@code Path=pathPattern} to {@code target} (a service's base URL),
     * and returns once it listens; its output goes to {@code log}.
     */
    static BareGateway start(String target, String pathPattern, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", classpath(), BareGatewayApplication.class.getName(),
                "--server.address=127.0.0.1",
                "--server.port=0",
                "--spring.cloud.gateway.server.webflux.routes[0].id=bare",
                "--spring.cloud.gateway.server.webflux.routes[0].uri=" + target,
                "--spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=" + pathPattern));
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Load.started(() -> copyOutput(process, log, listening));
        try {
            return new BareGateway(process, listening.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS), log);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the bare gateway did not start within " + START_LIMIT.toSeconds()
                    + " s; its output: " + log.toAbsolutePath(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Copies the JVM's output to the log, and completes {@code listening} with the port once it prints it. */
    private static void copyOutput(Process process, Path log, CompletableFuture<Integer> listening) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.println(line);
                if (line.startsWith(BareGatewayApplication.LISTENING)) {
                    listening.complete(Integer.parseInt(line.substring(BareGatewayApplication.LISTENING.length()).trim()));
                }
            }
            listening.completeExceptionally(new IllegalStateException("the bare gateway exited with "
                    + process.waitFor() + " before it listened"));
        } catch (IOException | RuntimeException e) {
            listening.completeExceptionally(e);
        } catch (InterruptedException e) {
            listening.completeExceptionally(e);
        }
    }

    /**
     * The driver's own class path: its jar, whose manifest names {@code lib/} (every jar the bare gateway needs
     * is there), or under Surefire the test class path (java.class.path is then a manifest-only jar).
     */
    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Stops the JVM: asks first, then kills. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway, on a process that has exited
        }
    }
}
