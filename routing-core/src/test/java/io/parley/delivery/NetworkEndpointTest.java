package io.parley.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.Node;
import io.parley.NodeConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node listens exactly while its broker endpoint is STARTED, where the endpoint says (R-PROTO-1). */
class NetworkEndpointTest {
    @TempDir
    Path dir;

    @Test
    void theNodeFollowsEveryChangeOfItsEndpoint() {
        int first = FreePorts.pick();
        int second = FreePorts.pick();
        try (Node node = NetworkNodes.open(dir, "n", "B")) {
            assertThat(node.listeningAddress()).as("no endpoint").isEmpty();
            NetworkNodes.listen(node, first);
            assertThat(node.listeningAddress()).hasValueSatisfying(a -> assertThat(a.getPort()).isEqualTo(first));

            node.nodeBroker().execute("ALTER ENDPOINT ParleyEndpoint AS TCP (LISTENER_PORT = " + second
                    + ", LISTENER_IP = ('127.0.0.1'));");
            NetworkNodes.awaitListening(node, second);
            NetworkNodes.stop(node);
            assertThat(node.listeningAddress()).isEmpty();
            NetworkNodes.start(node, second);
            node.nodeBroker().execute("DROP ENDPOINT ParleyEndpoint;");
            assertThat(node.listeningAddress()).isEmpty();
        }
    }

    @Test
    void aBusyPortIsTriedAgainUntilItIsFree() throws Exception {
        int port = FreePorts.pick();
        try (Node node = NetworkNodes.open(dir, "n", "B")) {
            try (ServerSocket squatter = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
                node.nodeBroker().execute("CREATE ENDPOINT ParleyEndpoint STATE = STARTED AS TCP (LISTENER_PORT = " + port
                        + ", LISTENER_IP = ('127.0.0.1')) FOR SERVICE_BROKER;");
                assertThat(node.listeningAddress()).isEmpty();
            }
            NetworkNodes.awaitListening(node, port);
        }
    }

    @Test
    void aNodeOpenedWithoutNetworkNeverListens() {
        int port = FreePorts.pick();
        try (Node node = NetworkNodes.open(dir, "n", "B")) {
            NetworkNodes.listen(node, port);
        }
        try (Node node = Node.open(NodeConfig.of("n", dir.resolve("n"), "B").withoutNetwork())) {
            assertThat(node.nodeBroker().catalog().endpoint()).isPresent();
            assertThat(node.listeningAddress()).isEmpty();
            node.nodeBroker().execute("ALTER ENDPOINT ParleyEndpoint STATE = STARTED;");
            assertThat(node.listeningAddress()).isEmpty();
        }
    }
}
