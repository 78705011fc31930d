package org.ws2.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * How many instances of each service the local stack runs ({@code ./ws2 start --replicas
 * groups-service=2}), kept in {@code $WS2_HOME/run/replicas.properties} so that a later plain
 * {@code ./ws2 start} (or a gateway restart) sees the same instances. A count of 1 removes the entry.
 */
final class Replicas {

    private Replicas() {
    }

    /** {@code groups-service=2,reporting-service=2}. */
    static Map<String, Integer> parse(String spec) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("--replicas takes service=count[,service=count], not '" + spec + "'");
            }
            int count;
            try {
                count = Integer.parseInt(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--replicas: '" + kv[1] + "' is not a number");
            }
            if (count < 1 || count > Components.MAX_REPLICAS) {
                throw new IllegalArgumentException("--replicas: between 1 and " + Components.MAX_REPLICAS + " instances, not " + count);
            }
            if (kv[0].trim().equals(Components.GATEWAY)) {
                throw new IllegalArgumentException("--replicas: the local stack runs one gateway (it owns the published port)");
            }
            counts.put(kv[0].trim(), count);
        }
        return counts;
    }

    /** The instances to run of a service: as many as {@code --replicas} asked for, now or at an earlier start. */
    static List<ServiceInstance> instances(Path home, Service s) {
        int count = read(home).getOrDefault(s.name(), 1);
        return IntStream.rangeClosed(1, count).mapToObj(n -> new ServiceInstance(s, n)).toList();
    }

    static Map<String, Integer> read(Path home) {
        Path file = file(home);
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p.forEach((k, v) -> counts.put(k.toString(), Integer.parseInt(v.toString().trim())));
        }
        return counts;
    }

    static void update(Path home, Map<String, Integer> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, Integer> counts = read(home);
        counts.putAll(changes);
        counts.values().removeIf(c -> c == 1);
        Properties p = new Properties();
        counts.forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
        try {
            Files.createDirectories(file(home).getParent());
            try (Writer w = Files.newBufferedWriter(file(home))) {
                p.store(w, "instances per service, written by ./ws2 start --replicas");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(Path home) {
        return home.resolve("run").resolve("replicas.properties");
    }
}
