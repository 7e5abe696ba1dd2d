package io.parley.delivery;

import io.parley.Broker;
import io.parley.Node;
import io.parley.NodeConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A child process for the target-crash test: node "target" with broker T hosting service Tgt on
 * TgtQ, listening on 127.0.0.1 at the given port (set up on first start, kept in its store after).
 * Prints "READY" once it listens and runs until its standard input ends or it is killed.
 */
public final class TargetNode {
    private TargetNode() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        try (Node node = Node.open(NodeConfig.of("target", dir, "T").withRetry(NetworkNodes.RETRY))) {
            Broker t = node.broker("T");
            if (t.catalog().service("Tgt").isEmpty()) {
                SingleNodeHarness.host(t, "Tgt");
                NetworkNodes.listen(node, port);
            }
            NetworkNodes.awaitListening(node, port);
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Runs until the test closes standard input or kills this process.
            }
        }
    }
}
