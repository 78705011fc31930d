package org.ws2.benchmarks;

import java.util.List;

/** The benchmark's command line: where the stack is, the tokens, and how long and hard to drive it. */
final class Options {
    String gateway;
    String recommendations;
    String reporting;
    String groups;
    String kafka;
    String token = System.getenv("WS2_TOKEN");
    String adminToken = System.getenv("WS2_ADMIN_TOKEN");
    int reportSamples = 30;
    /** Cold builds of the running quarter's edition, each after a change (issue 21: ≤ 5 s). */
    int editionSamples = 5;
    String readId = "2.1";
    int concurrency = 32;
    int sliceSeconds = 10;
    int rounds = 2;
    int writeRate = 200;
    int writeSeconds = 20;
    /** Writes in the events phase's first part, one at a time: each waits until the read model shows it. */
    int singleWrites = 200;
    int catalogueSize = 10_000;
    /** Concurrent readers of the list pages (issue 23 measures one). */
    int listReaders = 1;
    // pages (issue 9) only when asked: it wants the seed-size catalogue, which reads/writes/events grow.
    // bare: the reads also through a bare Spring Cloud Gateway route, which the driver starts and stops.
    List<String> phases = List.of("reads", "bare", "writes", "events", "lists");
    String outputDir = "benchmarks/target/benchmark";
    /** Where ./ws2 keeps its pid files (run/): the stack's processes, for CPU per write and memory. */
    String ws2Home = System.getenv().getOrDefault("WS2_HOME", ".ws2-local");

    static Options parse(String[] args) {
        Options o = new Options();
        int offset = Integer.parseInt(System.getenv().getOrDefault("WS2_PORT_OFFSET", "0"));
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port-offset" -> offset = Integer.parseInt(value);
                case "--gateway" -> o.gateway = value;
                case "--recommendations" -> o.recommendations = value;
                case "--reporting" -> o.reporting = value;
                case "--groups" -> o.groups = value;
                case "--kafka" -> o.kafka = value;
                case "--admin-token" -> o.adminToken = value;
                case "--report-samples" -> o.reportSamples = Integer.parseInt(value);
                case "--edition-samples" -> o.editionSamples = Integer.parseInt(value);
                case "--token" -> o.token = value;
                case "--read-id" -> o.readId = value;
                case "--connections" -> o.concurrency = Integer.parseInt(value);
                case "--seconds" -> o.sliceSeconds = Integer.parseInt(value);
                case "--rounds" -> o.rounds = Integer.parseInt(value);
                case "--write-rate" -> o.writeRate = Integer.parseInt(value);
                case "--write-seconds" -> o.writeSeconds = Integer.parseInt(value);
                case "--single-writes" -> o.singleWrites = Integer.parseInt(value);
                case "--catalogue" -> o.catalogueSize = Integer.parseInt(value);
                case "--list-readers" -> o.listReaders = Integer.parseInt(value);
                case "--ws2-home" -> o.ws2Home = value;
                case "--out" -> o.outputDir = value;
                case "--phases" -> o.phases = List.of(value.split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + """

                        options: --port-offset N (or WS2_PORT_OFFSET) --gateway URL --recommendations URL --reporting URL
                                 --token JWT (or WS2_TOKEN) --read-id 2.1 --connections 32 --seconds 10 --rounds 2
                                 --write-rate 200 --write-seconds 20 --single-writes 200 --catalogue 10000
                                 --list-readers 1 --out benchmarks/target/benchmark --ws2-home .ws2-local (or WS2_HOME)
                                 --phases reads,bare,writes,events,lists,pages (and reports: issue 8's reports at
                                 10,000 x 200 x 50,000, with --groups URL --kafka HOST:PORT --admin-token JWT (or
                                 WS2_ADMIN_TOKEN) --report-samples 30; and editions: issue 21's edition of the
                                 running quarter on that data set, published, with the admin token too,
                                 --edition-samples 5)""");
            }
            i++;
        }
        o.gateway = o.gateway != null ? o.gateway : "http://127.0.0.1:" + (8080 + offset);
        o.recommendations = o.recommendations != null ? o.recommendations : "http://127.0.0.1:" + (8081 + offset);
        o.reporting = o.reporting != null ? o.reporting : "http://127.0.0.1:" + (8083 + offset);
        o.groups = o.groups != null ? o.groups : "http://127.0.0.1:" + (8082 + offset);
        o.kafka = o.kafka != null ? o.kafka : "127.0.0.1:" + (19092 + offset);
        if (o.token == null || o.token.isBlank()) {
            throw new IllegalArgumentException("a support-staff token is needed for the writes: "
                    + "WS2_TOKEN=$(./ws2 token support-staff) java -jar benchmarks/target/ws2-benchmarks.jar");
        }
        if (o.runs("editions") && (o.adminToken == null || o.adminToken.isBlank())) {
            // found now, not after the quarter of an hour the data set takes: publishing is an admin's
            throw new IllegalArgumentException("--phases editions publishes an edition, which needs an admin token: "
                    + "WS2_ADMIN_TOKEN=$(./ws2 token admin) (or --admin-token JWT)");
        }
        return o;
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }
}
