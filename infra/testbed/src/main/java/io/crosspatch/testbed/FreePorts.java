package io.crosspatch.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds free TCP ports on the loopback interface, so that several testbeds (one per module's test JVM, run in
 * parallel) never fight over fixed ports. All ports of one call are held open together, so they are distinct; ports
 * already handed out by this JVM are never handed out again, so pieces started in parallel cannot collide either.
 */
public final class FreePorts {

    private static final int MAX_ATTEMPTS = 20;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {}

    /** Returns {@code count} distinct ports that were free on 127.0.0.1 a moment ago. */
    public static synchronized List<Integer> take(int count) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<Integer> ports = probe(count);
            if (ports.stream().noneMatch(HANDED_OUT::contains)) {
                HANDED_OUT.addAll(ports);
                return ports;
            }
        }
        throw new IllegalStateException("Could not find " + count + " free loopback ports");
    }

    /** Returns one port that was free on 127.0.0.1 a moment ago. */
    public static int take() {
        return take(1).get(0);
    }

    private static List<Integer> probe(int count) {
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open a server socket on the loopback interface", e);
        } finally {
            sockets.forEach(FreePorts::close);
        }
    }

    private static void close(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
