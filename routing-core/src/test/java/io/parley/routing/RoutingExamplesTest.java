package io.parley.routing;

import static io.parley.routing.Fixtures.ACL;
import static io.parley.routing.Fixtures.AW;
import static io.parley.routing.Fixtures.DB2;
import static io.parley.routing.Fixtures.NOW;
import static io.parley.routing.Fixtures.matcher;
import static io.parley.routing.Fixtures.node;
import static io.parley.routing.Fixtures.route;
import static io.parley.routing.Fixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.catalog.Route;
import io.parley.catalog.RouteAddress;
import io.parley.routing.RouteDecision.DeliverLocally;
import io.parley.routing.RouteDecision.Delayed;
import io.parley.routing.RouteDecision.Dropped;
import io.parley.routing.RouteDecision.SendToNextHop;
import org.junit.jupiter.api.Test;

/** The routing decisions of scenarios T-1, T-2, T-4, T-6, T-7 and T-17 (the Routing Examples). */
class RoutingExamplesTest {
    private static final Delayed NO_ROUTE = new Delayed(RoutingStatus.NO_ROUTE, false, null);

    private final Fixtures.NodeBuilder node = node();

    private RouteDecision send(String service) {
        return matcher().match(RoutingRequest.outgoing(AW, service), node.build(), NOW);
    }

    private RouteDecision arrive(String service) {
        return matcher().match(RoutingRequest.incoming(service, null), node.build(), NOW);
    }

    @Test
    void T_1_defaultRouting() {
        node.broker(DB2, "Svc");

        assertThat(send("Svc")).isEqualTo(new DeliverLocally(DB2, ACL, null));
        assertThat(arrive("Svc")).isEqualTo(new DeliverLocally(DB2, ACL, null));
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(arrive("Nope")).isEqualTo(new Dropped(RoutingStatus.NO_LOCAL_SERVICE, false, null));
        }
        assertThat(send("Nope")).isEqualTo(NO_ROUTE);

        node.addService(DB2, "Nope");
        assertThat(send("Nope")).isEqualTo(new DeliverLocally(DB2, ACL, null));
    }

    @Test
    void T_2_specificNetworkRoute() {
        Route orderParts = route("OrderPartsRoute", "OrderParts", "tcp://host2:4022");
        node.broker(DB2, "OrderParts").routes(AW, orderParts, ACL);

        assertThat(send("OrderParts")).isEqualTo(new SendToNextHop(tcp("host2"), orderParts, false, null));
        assertThat(send("orderparts")).isEqualTo(NO_ROUTE);
        assertThat(send("Other")).isEqualTo(NO_ROUTE);

        node.addService(DB2, "Other");
        assertThat(send("Other")).isEqualTo(new DeliverLocally(DB2, ACL, null));
    }

    @Test
    void T_4_catchAllExternalRoute() {
        Route external = route("ExternalRoute", null, "tcp://forwarding:4022");
        node.broker(DB2, "Svc").routes(AW, ACL, external);

        assertThat(send("Svc")).isEqualTo(new DeliverLocally(DB2, ACL, null));
        assertThat(send("Far")).isEqualTo(new SendToNextHop(tcp("forwarding"), external, false, null));
    }

    @Test
    void T_6_forwardOneService() {
        Route forwarding = route("ForwardingRoute", "ElsewhereService", "tcp://elsewhere:4022");
        node.broker(DB2, "ElsewhereService").nodeRoutes(ACL, forwarding).forwarding(true);

        assertThat(arrive("ElsewhereService")).isEqualTo(new SendToNextHop(tcp("elsewhere"), forwarding, true, null));
        assertThat(send("ElsewhereService")).isEqualTo(new DeliverLocally(DB2, ACL, null));

        node.forwarding(false);
        assertThat(arrive("ElsewhereService")).isEqualTo(new Dropped(RoutingStatus.FORWARDING_DISABLED, false, null));
        assertThat(send("ElsewhereService")).isEqualTo(new DeliverLocally(DB2, ACL, null));
    }

    @Test
    void T_7_forwardEverythingNotLocal() {
        Route forwarding = route("ForwardingRoute", null, "tcp://forwarding:4022");
        node.broker(DB2, "Svc").nodeRoutes(ACL, forwarding).forwarding(true);

        assertThat(arrive("Svc")).isEqualTo(new DeliverLocally(DB2, ACL, null));
        assertThat(arrive("Far")).isEqualTo(new SendToNextHop(tcp("forwarding"), forwarding, true, null));

        node.forwarding(false);
        assertThat(arrive("Far")).isEqualTo(new Dropped(RoutingStatus.FORWARDING_DISABLED, false, null));
    }

    @Test
    void T_17_transportRoutes() {
        Route transport = route("TransportRoute", null, "TRANSPORT");
        String orders = "tcp://127.0.0.1:5022/Orders";
        node.routes(AW, ACL, transport);

        assertThat(send(orders)).isEqualTo(new SendToNextHop(new RouteAddress.Tcp("127.0.0.1", 5022), transport, false, null));

        node.broker(DB2, orders);
        assertThat(send(orders)).isEqualTo(new DeliverLocally(DB2, ACL, null));

        Route catchAll = route("CatchAll", null, "tcp://h9:4022");
        node.routes(AW, ACL, transport, catchAll);
        assertThat(send("tcp://127.0.0.1:5022/Other")).isEqualTo(new SendToNextHop(tcp("h9"), catchAll, false, null));

        node.routes(AW, ACL, transport);
        assertThat(send("Orders")).isEqualTo(NO_ROUTE);
    }
}
