package org.ws2.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The local stack's processes, found by the pid files {@code ./ws2 start} writes ({@code $WS2_HOME/run/*.pid}),
 * and what Linux counts for them: CPU time ({@code utime + stime} in {@code /proc/<pid>/stat}, each process with
 * its descendants, and what its ended children used) and resident memory. PostgreSQL's server is not a
 * descendant of the JVM that started it ({@code pg_ctl} detaches it); it is found by its own
 * {@code postmaster.pid}, and counts, with its backends, as {@code postgres}. docs/performance.md's method for
 * CPU per write, done by the driver instead of by hand. Empty where there are no pid files (a stack on
 * another machine, or not started by {@code ./ws2}).
 */
final class StackProcesses {

    /** The infrastructure, which is not a service: no RSS goal applies to it. */
    private static final List<String> INFRASTRUCTURE = List.of("postgres", "kafka", "smtp");

    private final Path runDirectory;
    private final Path postmasterPid;
    private final double millisPerTick;

    StackProcesses(Path ws2Home) {
        this.runDirectory = ws2Home.resolve("run");
        this.postmasterPid = ws2Home.resolve("postgres").resolve("postmaster.pid");
        this.millisPerTick = 1000.0 / clockTicksPerSecond();
    }

    boolean found() {
        return !processes().isEmpty();
    }

    Path runDirectory() {
        return runDirectory;
    }

    /** CPU milliseconds used so far, per component (its pid file's name), descendants included. */
    Map<String, Double> cpuMillis() {
        Map<String, Double> cpu = new TreeMap<>();
        processes().forEach((name, process) -> cpu.put(name, cpuMillis(process)
                + (name.equals("postgres") ? postmaster().map(this::cpuMillis).orElse(0.0) : 0.0)));
        return cpu;
    }

    /** CPU milliseconds used so far by one process and its descendants; 0 when it is gone. */
    double cpuMillis(ProcessHandle process) {
        long ticks = Stream.concat(Stream.of(process), process.descendants()).mapToLong(StackProcesses::ticks).sum();
        return ticks * millisPerTick;
    }

    /** The live process of one component, e.g. {@code gateway}. */
    Optional<ProcessHandle> process(String name) {
        return Optional.ofNullable(processes().get(name));
    }

    /** Resident memory in MB of each service instance (not PostgreSQL, Kafka or the mail catcher). */
    Map<String, Long> serviceRssMegabytes() {
        Map<String, Long> rss = new TreeMap<>();
        processes().forEach((name, process) -> {
            if (!INFRASTRUCTURE.contains(name)) {
                rssKilobytes(process.pid()).ifPresent(kb -> rss.put(name, kb / 1024));
            }
        });
        return rss;
    }

    /** The difference of two {@link #cpuMillis()} readings, per component. */
    static Map<String, Double> used(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((name, ms) -> used.put(name, ms - before.getOrDefault(name, 0.0)));
        return used;
    }

    private Map<String, ProcessHandle> processes() {
        Map<String, ProcessHandle> live = new TreeMap<>();
        if (!Files.isDirectory(runDirectory)) {
            return live;
        }
        try (Stream<Path> files = Files.list(runDirectory)) {
            files.filter(f -> f.getFileName().toString().endsWith(".pid")).forEach(file -> {
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                try {
                    // "<pid> <start time>"; a pid reused since is someone else's process, but only after a reboot
                    long pid = Long.parseLong(Files.readString(file).trim().split("\\s+")[0]);
                    ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(p -> live.put(name, p));
                } catch (IOException | NumberFormatException e) {
                    // a pid file being written or removed: that component is left out of this reading
                }
            });
        } catch (IOException e) {
            return live;
        }
        return live;
    }

    /** The PostgreSQL server, from the first line of its {@code postmaster.pid}. */
    private Optional<ProcessHandle> postmaster() {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim()))
                    .filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code utime + stime + cutime + cstime} of one process, in clock ticks; 0 when it is gone. The children's
     * part is what its children that ended used: a PostgreSQL backend whose connection a pool retired, or an
     * autovacuum worker, takes its CPU out of the live descendants and into its parent's count, so that a sum
     * over the live tree only grows.
     */
    private static long ticks(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            // the command name, in parentheses, may hold spaces: the fields are counted after its ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Optional<Long> rssKilobytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** USER_HZ, which {@code /proc} counts in: 100 on every common Linux build, asked of getconf when it is there. */
    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
