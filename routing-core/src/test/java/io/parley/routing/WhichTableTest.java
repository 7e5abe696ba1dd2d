package io.parley.routing;

import static io.parley.routing.Fixtures.ACL;
import static io.parley.routing.Fixtures.AW;
import static io.parley.routing.Fixtures.DB2;
import static io.parley.routing.Fixtures.G1;
import static io.parley.routing.Fixtures.G3;
import static io.parley.routing.Fixtures.G9;
import static io.parley.routing.Fixtures.NOW;
import static io.parley.routing.Fixtures.matcher;
import static io.parley.routing.Fixtures.node;
import static io.parley.routing.Fixtures.route;
import static io.parley.routing.Fixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.catalog.Route;
import io.parley.catalog.RouteAddress;
import io.parley.routing.RouteDecision.DeliverLocally;
import io.parley.routing.RouteDecision.Delayed;
import io.parley.routing.RouteDecision.Dropped;
import io.parley.routing.RouteDecision.SendToNextHop;
import io.parley.routing.RouteDecision.ServiceMissing;
import org.junit.jupiter.api.Test;

/**
 * §3.2: which table routes a message (R-ROUTE-9, R-ROUTE-23), addresses of this node (R-ROUTE-10),
 * replies (R-ROUTE-11) and dropping instead of forwarding (R-ROUTE-21).
 */
class WhichTableTest {
    private static final Route AW_ROUTE = route("AwRoute", "Svc", "tcp://h1:4022");
    private static final Route DB2_ROUTE = route("Db2Route", "Svc", "tcp://h2:4022");
    private static final Route NODE_ROUTE = route("NodeRoute", "Svc", "tcp://h3:4022");

    private final Fixtures.NodeBuilder node = node()
            .routes(AW, AW_ROUTE, ACL)
            .routes(DB2, DB2_ROUTE, ACL)
            .nodeRoutes(NODE_ROUTE, ACL)
            .forwarding(true);

    @Test
    void R_ROUTE_9_localOriginUsesTheSendingBrokersRoutes() {
        NodeView view = node.build();

        assertThat(matcher().match(RoutingRequest.outgoing(AW, "Svc"), view, NOW))
                .isEqualTo(new SendToNextHop(tcp("h1"), AW_ROUTE, false, null));
        assertThat(matcher().match(RoutingRequest.outgoing(DB2, "Svc"), view, NOW))
                .isEqualTo(new SendToNextHop(tcp("h2"), DB2_ROUTE, false, null));
    }

    @Test
    void R_ROUTE_9_aReplyIsRoutedWithTheTargetBrokersRoutes() {
        Route back = route("Back", "Client", "tcp://h2:4022");
        NodeView view = node.broker(DB2, "Tgt").routes(DB2, back)
                .routes(AW, route("AwBack", "Client", "tcp://h1:4022")).build();

        RoutingRequest reply = RoutingRequest.outgoing(DB2, "Client").withBrokerId(G9).asReply();

        assertThat(matcher().match(reply, view, NOW)).isEqualTo(new SendToNextHop(tcp("h2"), back, false, null));
    }

    @Test
    void R_ROUTE_9_remoteOriginUsesTheNodeRoutes() {
        assertThat(matcher().match(RoutingRequest.incoming("Svc", null), node.build(), NOW))
                .isEqualTo(new SendToNextHop(tcp("h3"), NODE_ROUTE, true, null));
    }

    @Test
    void R_ROUTE_9_aLocalRequestFromABrokerNotOnTheNodeIsRejected() {
        assertThatThrownBy(() -> matcher().match(RoutingRequest.outgoing(G9, "Svc"), node.build(), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(G9.toString());
    }

    @Test
    void R_ROUTE_10_anAddressOfThisNodeIsMatchedAgainWithTheNodeRoutes() {
        Route toSelf = route("ToSelf", "Svc", "tcp://i1:4022");
        node.routes(AW, toSelf, ACL);

        assertThat(matcher().match(RoutingRequest.outgoing(AW, "Svc"), node.build(), NOW))
                .isEqualTo(new SendToNextHop(tcp("h3"), NODE_ROUTE, false, null));
        assertThat(matcher().match(RoutingRequest.outgoing(AW, "Svc"), node.forwarding(false).build(), NOW))
                .isEqualTo(new Dropped(RoutingStatus.FORWARDING_DISABLED, false, null));
    }

    @Test
    void R_ROUTE_10_aLocalRouteInTheNodeTableDeliversEvenWithForwardingOff() {
        Route toSelf = new Route("ToSelf", "Svc", null, new RouteAddress.Tcp("I1", 4022), null, null);
        NodeView view = node.broker(DB2, "Svc").routes(AW, toSelf).nodeRoutes(ACL).forwarding(false).build();

        assertThat(matcher().match(RoutingRequest.outgoing(AW, "Svc"), view, NOW))
                .isEqualTo(new DeliverLocally(DB2, ACL, null));
    }

    @Test
    void R_ROUTE_10_noRouteInTheNodeTableDropsTheMessage() {
        NodeView view = node.routes(AW, route("ToSelf", "Svc", "tcp://i1:4022")).nodeRoutes().build();

        assertThat(matcher().match(RoutingRequest.outgoing(AW, "Svc"), view, NOW))
                .isEqualTo(new Dropped(RoutingStatus.NO_ROUTE, false, null));
    }

    @Test
    void R_ROUTE_10_aStep3PickTravelsAsTheDestinationBrokerId() {
        Route b1 = route("B1", "Svc", G1, "tcp://b1:4022");
        Route b3 = route("B3", "Svc", G3, "tcp://b3:4022");
        NodeView view = node.routes(AW, route("ToSelf", "Svc", G1, "tcp://i1:4022")).nodeRoutes(b1, b3).build();

        for (long seed = 0; seed < 50; seed++) {
            assertThat(matcher(seed).match(RoutingRequest.outgoing(AW, "Svc"), view, NOW))
                    .isEqualTo(new SendToNextHop(tcp("b1"), b1, false, G1));
        }
    }

    @Test
    void R_ROUTE_10_aTransportAddressOfThisNodeIsMatchedAgainToo() {
        String ordersHere = "tcp://i1:4022/Orders";
        NodeView view = node.broker(DB2, ordersHere).routes(AW, route("Transport", null, "TRANSPORT"))
                .nodeRoutes(ACL).forwarding(false).build();

        assertThat(matcher().match(RoutingRequest.outgoing(AW, ordersHere), view, NOW))
                .isEqualTo(new DeliverLocally(DB2, ACL, null));
    }

    @Test
    void R_ROUTE_10_aMessageFromOutsideIsForwardedEvenToThisNodesOwnAddress() {
        Route toSelf = route("ToSelf", "Svc", "tcp://i1:4022");
        NodeView view = node.nodeRoutes(toSelf).build();

        assertThat(matcher().match(RoutingRequest.incoming("Svc", null), view, NOW))
                .isEqualTo(new SendToNextHop(tcp("i1"), toSelf, true, null));
    }

    @Test
    void R_ROUTE_11_aReplyToABrokerOfThisNodeIsDeliveredWithoutAnyRoute() {
        NodeView withoutRoutes = node.nodeRoutes().build();
        NodeView withRouteElsewhere = node.nodeRoutes(route("Away", "Client", "tcp://x:4022")).build();
        RoutingRequest reply = RoutingRequest.incoming("Client", AW).asReply();

        assertThat(matcher().match(reply, withoutRoutes, NOW)).isEqualTo(new DeliverLocally(AW, null, null));
        assertThat(matcher().match(reply, withRouteElsewhere, NOW)).isEqualTo(new DeliverLocally(AW, null, null));
    }

    @Test
    void R_ROUTE_11_aReplyToABrokerOfThisNodeWithoutTheServiceIsServiceMissing() {
        RoutingRequest reply = RoutingRequest.incoming("Gone", AW).asReply();

        assertThat(matcher().match(reply, node.build(), NOW)).isEqualTo(new ServiceMissing(AW, null, null));
    }

    @Test
    void R_ROUTE_11_aReplyToABrokerElsewhereIsMatchedInTheNodeTable() {
        Route away = route("Away", "Client", "tcp://x:4022");
        NodeView view = node.nodeRoutes(away).build();

        assertThat(matcher().match(RoutingRequest.incoming("Client", G9).asReply(), view, NOW))
                .isEqualTo(new SendToNextHop(tcp("x"), away, true, null));
    }

    @Test
    void R_ROUTE_11_aReplyToABrokerWithDeliveryDisabledIsMatchedInTheNodeTable() {
        Route away = route("Away", "Client", "tcp://x:4022");
        NodeView view = node.nodeRoutes(away).deliveryDisabled(AW).build();

        assertThat(matcher().match(RoutingRequest.incoming("Client", AW).asReply(), view, NOW))
                .isEqualTo(new SendToNextHop(tcp("x"), away, true, null));
    }

    @Test
    void R_ROUTE_11_appliesOnlyToMessagesSentByTheTarget() {
        Route away = route("Away", "Client", "tcp://x:4022");
        NodeView view = node.nodeRoutes(away, ACL).build();

        assertThat(matcher().match(RoutingRequest.incoming("Client", AW), view, NOW))
                .isEqualTo(new SendToNextHop(tcp("x"), away, true, null));
    }

    @Test
    void R_ROUTE_21_aMessageFromOutsideIsDroppedInsteadOfForwardedWhenForwardingIsOff() {
        Route mirrored = new Route("Mirrored", "Mirrored", G1, tcp("p1"), tcp("p2"), null);
        NodeView view = node.nodeRoutes(NODE_ROUTE, mirrored, route("Transport", null, "TRANSPORT"))
                .forwarding(false).build();
        Dropped dropped = new Dropped(RoutingStatus.FORWARDING_DISABLED, false, null);

        assertThat(matcher().match(RoutingRequest.incoming("Svc", null), view, NOW)).isEqualTo(dropped);
        assertThat(matcher().match(RoutingRequest.incoming("Mirrored", G1), view, NOW)).isEqualTo(dropped);
        assertThat(matcher().match(RoutingRequest.incoming("tcp://far:4022/Svc", null), view, NOW)).isEqualTo(dropped);
        assertThat(dropped.status().number()).isEqualTo(9792);
        assertThat(dropped.status().text())
                .isEqualTo("Could not forward the message because forwarding is disabled in this SQL Server instance.");
    }

    @Test
    void R_ROUTE_21_forwardingDoesNotMatterForLocalDeliveryOrForLocalOrigin() {
        node.forwarding(false).broker(DB2, "Local");

        assertThat(matcher().match(RoutingRequest.incoming("Local", null), node.build(), NOW))
                .isEqualTo(new DeliverLocally(DB2, ACL, null));
        assertThat(matcher().match(RoutingRequest.outgoing(AW, "Svc"), node.build(), NOW))
                .isEqualTo(new SendToNextHop(tcp("h1"), AW_ROUTE, false, null));
    }

    @Test
    void R_ROUTE_23_aLocalRouteCountsOnlyInTheTableOfTheMessagesOrigin() {
        NodeView nodeTableOnly = node.broker(DB2, "Svc").routes(AW).nodeRoutes(ACL).build();
        NodeView brokerTableOnly = node.routes(AW, ACL).nodeRoutes().build();

        assertThat(matcher().match(RoutingRequest.outgoing(AW, "Svc"), nodeTableOnly, NOW))
                .isEqualTo(new Delayed(RoutingStatus.NO_ROUTE, false, null));
        assertThat(matcher().match(RoutingRequest.incoming("Svc", null), brokerTableOnly, NOW))
                .isEqualTo(new Dropped(RoutingStatus.NO_ROUTE, false, null));
    }
}
