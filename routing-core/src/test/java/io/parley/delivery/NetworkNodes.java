package io.parley.delivery;

import static io.parley.delivery.SingleNodeHarness.await;

import io.parley.Node;
import io.parley.NodeConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Nodes of the multi-node scenarios (semantics §9) in this JVM, each with its own directory and a
 * broker endpoint on 127.0.0.1 and a free port, delivering with a scaled-down retry schedule.
 */
final class NetworkNodes {
    /** b = 250 ms, so the gaps are 250, 500, 1000, 2000 ms and then 4000 ms each time (cap 16b). */
    static final RetrySchedule RETRY = new RetrySchedule(Duration.ofMillis(250), Duration.ofMillis(4000));

    private NetworkNodes() {
    }

    /** Opens node {@code name} under {@code dir}/{@code name} hosting {@code brokers}, not yet listening. */
    static Node open(Path dir, String name, String... brokers) {
        return Node.open(NodeConfig.of(name, dir.resolve(name), brokers).withRetry(RETRY));
    }

    /** Creates the node's endpoint, STARTED on 127.0.0.1:{@code port}, and waits until it listens. */
    static void listen(Node node, int port) {
        node.nodeBroker().execute("CREATE ENDPOINT ParleyEndpoint STATE = STARTED AS TCP (LISTENER_PORT = " + port
                + ", LISTENER_IP = ('127.0.0.1')) FOR SERVICE_BROKER;");
        awaitListening(node, port);
    }

    static void awaitListening(Node node, int port) {
        await("node to listen on port " + port,
                () -> node.listeningAddress().filter(a -> a.getPort() == port).isPresent());
    }

    static void stop(Node node) {
        node.nodeBroker().execute("ALTER ENDPOINT ParleyEndpoint STATE = STOPPED;");
    }

    static void start(Node node, int port) {
        node.nodeBroker().execute("ALTER ENDPOINT ParleyEndpoint STATE = STARTED;");
        awaitListening(node, port);
    }

    static String address(int port) {
        return "tcp://127.0.0.1:" + port;
    }
}
