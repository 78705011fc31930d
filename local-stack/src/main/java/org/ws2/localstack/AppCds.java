package org.ws2.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Class-data sharing for the stack's JVMs (JDK 17's dynamic AppCDS archive, as Spring Boot documents
 * it): a service's Boot jar is extracted once per build into a thin jar plus {@code lib/} (a fat jar's
 * nested jars cannot be archived), and the broker, PostgreSQL's launcher and the mail catcher run from
 * jars as they are. The first run from those jars records the classes it loaded when it exits, and
 * every later run maps them instead of parsing and verifying them again.
 */
final class AppCds {

    static final String ARCHIVE = "app.jsa";
    /**
     * Where a run records, until its JVM has exited cleanly: a JVM killed while writing leaves a file
     * that must never be mistaken for an archive, so only {@link #settle} makes a recording the archive.
     */
    static final String RECORDING = "app.jsa.recording";

    private AppCds() {
    }

    /**
     * The folder holding {@code jar} extracted, named by its content hash so that an unchanged rebuild
     * keeps its archive. Older builds' folders are removed when no instance of the service runs.
     */
    static Path extracted(String java, Path jar, Path appsDir, BooleanSupplier noneRunning) {
        try {
            Path target = appsDir.resolve(hash(jar));
            if (Files.isRegularFile(target.resolve(".complete"))) {
                return target;
            }
            Files.createDirectories(appsDir);
            if (noneRunning.getAsBoolean()) {
                deleteAllBut(target, appsDir);
            }
            Path partial = appsDir.resolve(target.getFileName() + ".partial");
            deleteTree(partial);
            if (!isBootJar(jar)) {
                // a plain runnable jar (a stand-in in the launcher's tests) runs as it is, from a copy
                Files.copy(jar, Files.createDirectories(partial).resolve(jar.getFileName()));
                Files.writeString(partial.resolve(".complete"), jar.toString());
                Files.move(partial, target);
                return target;
            }
            Process extract = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract",
                    "--destination", partial.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new LocalStackException("Cannot extract " + jar + " (java -Djarmode=tools ... extract) for class-data sharing");
            }
            Files.writeString(partial.resolve(".complete"), jar.toString());
            Files.move(partial, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while extracting " + jar, e);
        }
    }

    /**
     * The folder for a JVM that runs from {@code classPath}, named by each entry's path, size and modification
     * time: what the JVM itself compares before it maps an archive, so a rebuilt jar gets a new folder (and a
     * new recording) instead of an archive the JVM would silently ignore. Older folders are removed: the caller
     * starts that JVM only when it is not running. Empty when an entry is not a jar, since the JVM refuses to
     * record from a class path holding a folder of classes (it fails at exit: "Cannot have non-empty directory
     * in paths"), which is how the launcher's own tests run it.
     */
    static Optional<Path> forClassPath(List<Path> classPath, Path appsDir) {
        if (classPath.isEmpty() || !classPath.stream().allMatch(e -> e.toString().endsWith(".jar") && Files.isRegularFile(e))) {
            return Optional.empty();
        }
        try {
            List<String> entries = new ArrayList<>();
            for (Path entry : classPath) {
                entries.add(entry.toAbsolutePath() + ":" + Files.size(entry) + ":" + Files.getLastModifiedTime(entry).toMillis());
            }
            Path target = appsDir.resolve(shortHash(entries.stream()));
            if (Files.isDirectory(appsDir)) {
                deleteAllBut(target, appsDir);
            }
            return Optional.of(Files.createDirectories(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every folder in {@code appsDir} but {@code kept}: older builds, whose archives no run maps again. */
    private static void deleteAllBut(Path kept, Path appsDir) throws IOException {
        try (Stream<Path> all = Files.list(appsDir)) {
            for (Path dir : all.filter(d -> !d.equals(kept)).toList()) {
                deleteTree(dir);
            }
        }
    }

    private static boolean isBootJar(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry("BOOT-INF/") != null || file.getEntry("BOOT-INF/classes/") != null;
        }
    }

    /**
     * Use the archive when it is there; otherwise the first instance records one when it stops
     * (a replica does not, so that two JVMs never write the same file).
     */
    static List<String> options(Path app, boolean mayRecord) {
        Path archive = app.resolve(ARCHIVE);
        if (Files.isRegularFile(archive)) {
            // -Xshare:auto (the default): a stale or unusable archive is ignored, never fatal
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        return mayRecord ? List.of("-XX:ArchiveClassesAtExit=" + app.resolve(RECORDING), "-Xlog:cds=off", "-Xlog:cds+dynamic=off")
                : List.of();
    }

    /**
     * Once the instance that may have recorded has exited: after a clean exit its recording, complete
     * by then, becomes the archive the next run maps; after a kill it is dropped, and the next run
     * records again.
     *
     * @param componentApps {@code $WS2_HOME/apps/<component>}, holding one folder per build
     */
    static void settle(Path componentApps, boolean exitedCleanly) {
        if (!Files.isDirectory(componentApps)) {
            return;
        }
        try (Stream<Path> builds = Files.list(componentApps)) {
            for (Path build : builds.toList()) {
                Path recording = build.resolve(RECORDING);
                if (!Files.isRegularFile(recording)) {
                    continue;
                }
                if (exitedCleanly && Files.size(recording) > 0) {
                    Files.move(recording, build.resolve(ARCHIVE), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.delete(recording);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A hash of the jar's entries (name, CRC, size), read from its directory, not of its bytes. A nested jar
     * (contracts', service-defaults') counts by its CRC, which stays the same across builds only because the
     * parent POM makes jars reproducible (ADR 0041): an unchanged service keeps its archive.
     */
    private static String hash(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return shortHash(file.stream().sorted(Comparator.comparing(JarEntry::getName))
                    .map(e -> e.getName() + ":" + e.getCrc() + ":" + e.getSize()));
        }
    }

    /** A folder name for these lines, in their order: the first 8 bytes of their SHA-256, in hex. */
    private static String shortHash(Stream<String> lines) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            lines.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
