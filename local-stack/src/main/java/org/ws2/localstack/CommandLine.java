package org.ws2.localstack;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@code ./ws2}: a command, its names, and for {@code start} the replica counts of
 * {@code --replicas groups-service=2,reporting-service=2}.
 */
record CommandLine(String command, List<String> names, Map<String, Integer> replicas) {

    static final String USAGE = """
            usage: ws2 start [service...] [--replicas groups-service=2,reporting-service=2]
                                            start everything not yet running, wait until ready
                   ws2 stop [component...]  stop everything (or one: postgres, kafka, gateway, recommendations-service, ...)
                   ws2 status
                   ws2 token <admin|support-staff|group-editor> [groupId...]
            """;
    static final String TOKEN_USAGE = "usage: ws2 token <admin|support-staff|group-editor> [groupId...]";

    static CommandLine parse(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        if (!command.equals("start")) {
            return new CommandLine(command, rest, Map.of());
        }
        Map<String, Integer> replicas = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            if (rest.get(i).equals("--replicas") && i + 1 < rest.size()) {
                replicas.putAll(Replicas.parse(rest.get(++i)));
            } else if (rest.get(i).startsWith("--replicas=")) {
                replicas.putAll(Replicas.parse(rest.get(i).substring("--replicas=".length())));
            } else {
                names.add(rest.get(i));
            }
        }
        replicas.keySet().forEach(Components::service);
        return new CommandLine(command, names, replicas);
    }

    /** The services {@code start} names, or all of them. */
    List<String> servicesToStart() {
        return names.isEmpty() ? Components.serviceNames() : names;
    }

    static void printStatus(List<ComponentStatus> status, PrintStream out) {
        for (ComponentStatus s : status) {
            out.printf("%-24s %-17s %-8s %-32s %s%n", s.name(),
                    s.pid() == null ? "stopped" : "running pid " + s.pid(),
                    s.pid() == null ? "" : s.ready() ? "ready" : "starting", s.endpoint(), s.log());
        }
    }
}
