package org.ws2.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;

/**
 * A real PostgreSQL server (zonky's binaries from Maven Central) owned by this JVM: started with the
 * data folder kept between runs, the four databases created if missing, stopped cleanly on SIGTERM.
 * <p>
 * Usage: {@code LocalPostgres <data-dir> <port> [<bind-address>]} (127.0.0.1 when omitted)
 */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String bindAddress = args.length > 2 ? args[2] : Settings.LOOPBACK;

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                // PostgreSQL's own default is "localhost", which also takes ::1; the stack uses 127.0.0.1 alone
                .setServerConfig("listen_addresses", bindAddress)
                // the first start unpacks the binaries and runs initdb: more than zonky's 10 s default on a busy machine
                .setPGStartupWait(Duration.ofSeconds(60))
                // our own hook below, so that the log says when PostgreSQL is down
                .setRegisterShutdownHook(false)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
                System.out.println("PostgreSQL on port " + port + " stopped");
            } catch (IOException e) {
                e.printStackTrace();
            }
        }, "postgres-stop"));

        try (Connection admin = Databases.connect("127.0.0.1", port, "postgres", "")) {
            System.out.println("Created databases: " + Databases.createMissing(admin));
        }
        System.out.println("PostgreSQL ready on port " + port + " with data in " + dataDir);
        Thread.currentThread().join();
    }
}
