package dev.hearth.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free loopback ports for the processes the tests start, each handed out once per JVM. A port is free only until
 * somebody binds it: two picks made before either process binds can be the same port (CI saw source-controller's
 * storage port taken by helm-controller's metrics), so a port once given is never given again.
 */
public final class LoopbackPorts {
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {}

    /** A port nothing listens on now, and that this JVM has handed to nobody before. */
    public static int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = probe();
            if (GIVEN.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free loopback port in 100 tries");
    }

    /** A port nothing listens on: taken, then given back, and never handed out (for "nobody is there" tests). */
    public static int closed() {
        return free();
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
