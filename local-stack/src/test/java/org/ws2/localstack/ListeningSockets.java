package org.ws2.localstack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TCP sockets a process listens on, with the local address each is bound to, read from Linux's
 * {@code /proc}: a process's socket inodes from {@code /proc/<pid>/fd}, and each listening socket's
 * address from {@code /proc/net/tcp} and {@code /proc/net/tcp6} (addresses in hex, as the kernel stores them).
 */
final class ListeningSockets {

    /** 127.0.0.1, as /proc/net/tcp prints it (a little-endian word). */
    static final String LOOPBACK_V4 = "0100007F";
    /** ::1 and ::ffff:127.0.0.1, as /proc/net/tcp6 prints them. */
    static final Set<String> LOOPBACK_V6 = Set.of("00000000000000000000000001000000", "0000000000000000FFFF00000100007F");
    private static final String LISTEN = "0A";

    /** A listening socket: "tcp 0100007F:4E20" style, the table and the local address:port as the kernel prints them. */
    record Socket(String table, String address, int port) {

        boolean loopback() {
            return table.equals("tcp") ? address.equals(LOOPBACK_V4) : LOOPBACK_V6.contains(address);
        }

        @Override
        public String toString() {
            return table + " " + address + ":" + port;
        }
    }

    private ListeningSockets() {
    }

    static List<Socket> of(long pid) throws IOException {
        Set<String> inodes = socketInodes(pid);
        List<Socket> sockets = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            List<String> lines = Files.readAllLines(Path.of("/proc/net", table));
            for (String line : lines.subList(1, lines.size())) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                String[] f = line.trim().split("\\s+");
                if (f[3].equals(LISTEN) && inodes.contains(f[9])) {
                    String[] local = f[1].split(":");
                    sockets.add(new Socket(table, local[0], Integer.parseInt(local[1], 16)));
                }
            }
        }
        return sockets;
    }

    private static Set<String> socketInodes(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed between listing and reading: not a socket the process still listens on
                }
            }
        }
        return inodes;
    }
}
