package io.parley.delivery;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Ports for test nodes on 127.0.0.1 within LISTENER_PORT's range 1024..32767 (below the system's
 * ephemeral ports, so an outgoing connection never takes one), free when picked and never handed
 * out twice in one test run.
 */
final class FreePorts {
    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    private static final Random RANDOM = new Random();

    private FreePorts() {
    }

    static synchronized int pick() {
        for (int tries = 0; tries < 1000; tries++) {
            int port = 20_000 + RANDOM.nextInt(12_000);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException busy) {
                continue;
            }
            HANDED_OUT.add(port);
            return port;
        }
        throw new IllegalStateException("no free port found in 20000..31999");
    }
}
