package io.parley;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.catalog.RouteAddress;
import io.parley.routing.NodeView;
import io.parley.routing.RouteDecision;
import io.parley.routing.RouteMatcher;
import io.parley.routing.RoutingRequest;
import io.parley.routing.RoutingStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Route matching over a real node's catalogs, as {@link Node#routingView()} presents them. */
class NodeRoutingTest {
    @TempDir
    Path dir;

    private Node node;
    private final RouteMatcher matcher = new RouteMatcher(new SplittableRandom(7));

    @BeforeEach
    void openNode() {
        node = Node.open(NodeConfig.of("n", dir, "AW", "DB2"));
        node.broker("DB2").execute("CREATE QUEUE SvcQ; CREATE SERVICE Svc ON QUEUE SvcQ ([DEFAULT]);");
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    private RouteDecision fromAw(String service) {
        return matcher.match(RoutingRequest.outgoing(node.broker("AW").brokerInstanceId(), service), node.routingView(), Instant.now());
    }

    private RouteDecision incoming(String service) {
        return matcher.match(RoutingRequest.incoming(service, null), node.routingView(), Instant.now());
    }

    @Test
    void t1DefaultRoutingDeliversToTheBrokerHostingTheService() {
        assertThat(fromAw("Svc")).isInstanceOfSatisfying(RouteDecision.DeliverLocally.class,
                d -> assertThat(d.broker()).isEqualTo(node.broker("DB2").brokerInstanceId()));
        assertThat(incoming("Svc")).isInstanceOf(RouteDecision.DeliverLocally.class);
        assertThat(fromAw("Nope")).isEqualTo(new RouteDecision.Delayed(RoutingStatus.NO_ROUTE, false, null));
    }

    @Test
    void ddlChangesAreSeenByTheNextMatchingRun() {
        node.broker("AW").execute("CREATE ROUTE ToHost2 WITH SERVICE_NAME = 'Svc', ADDRESS = 'tcp://127.0.0.1:4300';");
        assertThat(fromAw("Svc")).isInstanceOfSatisfying(RouteDecision.SendToNextHop.class,
                s -> assertThat(s.address()).isEqualTo(new RouteAddress.Tcp("127.0.0.1", 4300)));
        node.broker("AW").execute("DROP ROUTE ToHost2;");
        assertThat(fromAw("Svc")).isInstanceOf(RouteDecision.DeliverLocally.class);
    }

    @Test
    void t14RouteToTheNodesOwnEndpointIsRoutedWithTheNodeLevelTable() {
        node.broker("AW").execute("CREATE ROUTE Self WITH SERVICE_NAME = 'Far', ADDRESS = 'tcp://127.0.0.1:4022';");
        node.nodeBroker().execute("""
                CREATE ENDPOINT E STATE = STARTED AS TCP (LISTENER_PORT = 4022) FOR SERVICE_BROKER;
                DROP ROUTE AutoCreatedLocal;
                CREATE ROUTE Fwd WITH SERVICE_NAME = 'Far', ADDRESS = 'tcp://127.0.0.1:4400';
                """);
        assertThat(fromAw("Far")).isInstanceOfSatisfying(RouteDecision.Dropped.class,
                d -> assertThat(d.status()).isEqualTo(RoutingStatus.FORWARDING_DISABLED));

        node.nodeBroker().execute("ALTER ENDPOINT E FOR SERVICE_BROKER (MESSAGE_FORWARDING = ENABLED);");
        assertThat(fromAw("Far")).isInstanceOfSatisfying(RouteDecision.SendToNextHop.class,
                s -> assertThat(s.address()).isEqualTo(new RouteAddress.Tcp("127.0.0.1", 4400)));
    }

    @Test
    void forwardingNeedsAStartedEndpoint() {
        node.nodeBroker().execute("""
                CREATE ENDPOINT E STATE = STOPPED AS TCP (LISTENER_PORT = 4022)
                    FOR SERVICE_BROKER (MESSAGE_FORWARDING = ENABLED);
                CREATE ROUTE Catch WITH ADDRESS = 'tcp://127.0.0.1:4500';
                """);
        NodeView stopped = node.routingView();
        assertThat(stopped.forwardingEnabled()).isFalse();
        assertThat(incoming("Far")).isInstanceOf(RouteDecision.Dropped.class);

        node.nodeBroker().execute("ALTER ENDPOINT E STATE = STARTED;");
        assertThat(node.routingView().forwardingEnabled()).isTrue();
        assertThat(incoming("Far")).isInstanceOfSatisfying(RouteDecision.SendToNextHop.class,
                s -> assertThat(s.forwarding()).isTrue());
        assertThat(incoming("Svc")).isInstanceOf(RouteDecision.DeliverLocally.class);
    }

    @Test
    void theNodeStoreIsABrokerRoutingCanDeliverTo() {
        node.nodeBroker().execute("CREATE QUEUE Q; CREATE SERVICE NodeSvc ON QUEUE Q;");
        assertThat(fromAw("NodeSvc")).isInstanceOfSatisfying(RouteDecision.DeliverLocally.class,
                d -> assertThat(d.broker()).isEqualTo(node.nodeBroker().brokerInstanceId()));
    }
}
