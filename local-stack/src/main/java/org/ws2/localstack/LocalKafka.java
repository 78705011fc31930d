package org.ws2.localstack;

import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real single-node Kafka broker in KRaft combined mode (broker and controller in one process), run
 * from Kafka's own server classes. The storage is formatted once; the cluster id is kept next to the
 * data so that later starts reuse both.
 * <p>
 * Usage: {@code LocalKafka <ws2-home> <broker-port> <controller-port> [<bind-address>]}; the broker
 * listens on the bind address (127.0.0.1 when omitted), the controller on 127.0.0.1 always: only the
 * broker itself talks to it.
 */
public final class LocalKafka {

    private LocalKafka() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        int brokerPort = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        String bindAddress = args.length > 3 ? args[3] : Settings.LOOPBACK;
        Path logDir = home.resolve("kafka");
        Path config = writeConfig(home.resolve("kafka-server.properties"), logDir, bindAddress, brokerPort, controllerPort);

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            String clusterId = clusterId(home.resolve("kafka-cluster-id"));
            int rc = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"}, System.out);
            if (rc != 0) {
                throw new IllegalStateException("Formatting Kafka storage in " + logDir + " failed: " + rc);
            }
        }
        // blocks until SIGTERM, on which the broker shuts down cleanly through its own hook
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static Path writeConfig(Path file, Path logDir, String bindAddress, int brokerPort, int controllerPort) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("listeners", "PLAINTEXT://" + bindAddress + ":" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("num.partitions", "3");
        // one broker: every internal topic must live with a single replica
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // fewer internal partitions and no rebalance delay: consumers join in a second, not after tens of seconds
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.num.partitions", "10");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // the log cleaner's offset map is allocated on the heap when the broker starts and stays resident: 128 MB by
        // default, most of the broker's memory here, where it compacts only its own small internal topics; Kafka's own
        // test brokers run with 2 MB
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "written by org.ws2.localstack.LocalKafka at each start");
        }
        return file;
    }

    private static String clusterId(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            return Files.readString(file).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id + "\n");
        return id;
    }
}
