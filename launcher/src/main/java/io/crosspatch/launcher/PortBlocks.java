package io.crosspatch.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for a platform of its own (an end-to-end test's, a benchmark's): the services take consecutive ports and each
 * one's management port 1000 above ({@link LocalService}), so a block must be free at both, away from the ports a
 * running local platform uses and below the ephemeral range.
 */
public final class PortBlocks {

    private PortBlocks() {}

    /** The first of {@code size} consecutive free ports, each free at +1000 too. */
    public static int free(int size) {
        // below Linux's ephemeral range (32768 and up): a port probed free there can be taken by an outgoing
        // connection (Kafka and Cassandra clients open many) before the service binds it
        for (int first = 20000 + ThreadLocalRandom.current().nextInt(10000); ; first += size) {
            List<ServerSocket> held = new ArrayList<>();
            try {
                for (int port = first; port < first + size; port++) {
                    held.add(new ServerSocket(port));
                    held.add(new ServerSocket(port + 1000));
                }
                return first;
            } catch (IOException taken) {
                // try the next block
            } finally {
                held.forEach(PortBlocks::release);
            }
        }
    }

    private static void release(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot release port " + socket.getLocalPort(), e);
        }
    }
}
