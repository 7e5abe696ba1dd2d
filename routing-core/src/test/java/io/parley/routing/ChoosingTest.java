package io.parley.routing;

import static io.parley.routing.Fixtures.ACL;
import static io.parley.routing.Fixtures.AW;
import static io.parley.routing.Fixtures.DB2;
import static io.parley.routing.Fixtures.G1;
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
import java.util.Random;
import org.junit.jupiter.api.Test;

/** §3.4: choosing one route from the matched set (R-ROUTE-20, R-ROUTE-22, R-ROUTE-6, R-ROUTE-7). */
class ChoosingTest {
    private static final Route TRANSPORT = route("TransportRoute", null, "TRANSPORT");
    private static final Route FORWARD_ALL = route("ForwardAll", null, "tcp://fwd:4022");
    private static final String ORDERS_AT_PEER = "tcp://127.0.0.1:5022/Orders";

    private final Fixtures.NodeBuilder node = node();

    @Test
    void R_ROUTE_20_aMirroredRouteIsChosenBeforeEveryOtherCategory() {
        Route mirrored = new Route("Mirrored", "Svc", G1, tcp("p1"), tcp("p2"), null);
        node.broker(DB2, "Svc").routes(AW, route("Plain", "Svc", G1, "tcp://h1:4022"), mirrored,
                route("Local", "Svc", G1, "LOCAL"));

        for (long seed = 0; seed < 20; seed++) {
            SendToNextHop hop = (SendToNextHop) matcher(seed)
                    .match(RoutingRequest.outgoing(AW, "Svc").withBrokerId(G1), node.build(), NOW);
            assertThat(hop).isEqualTo(new SendToNextHop(tcp("p1"), mirrored, false, null));
            assertThat(hop.route().mirrorAddress()).isEqualTo(tcp("p2"));
        }
    }

    @Test
    void R_ROUTE_20_localRoutesComeBeforeTcpRoutesOnlyWhileTheServiceIsOnThisNode() {
        Route local = route("Local", "Svc", "LOCAL");
        Route remote = route("Remote", "Svc", "tcp://h2:4022");
        node.routes(AW, remote, local);

        for (long seed = 0; seed < 20; seed++) {
            assertThat(matcher(seed).match(RoutingRequest.outgoing(AW, "Svc"), node.build(), NOW))
                    .isEqualTo(new SendToNextHop(tcp("h2"), remote, false, null));
        }
        node.broker(DB2, "Svc");
        for (long seed = 0; seed < 20; seed++) {
            assertThat(matcher(seed).match(RoutingRequest.outgoing(AW, "Svc"), node.build(), NOW))
                    .isEqualTo(new DeliverLocally(DB2, local, null));
        }
    }

    @Test
    void R_ROUTE_20_tcpRoutesComeBeforeTransportRoutes() {
        node.routes(AW, TRANSPORT, FORWARD_ALL);

        for (long seed = 0; seed < 20; seed++) {
            assertThat(matcher(seed).match(RoutingRequest.outgoing(AW, ORDERS_AT_PEER), node.build(), NOW))
                    .isEqualTo(new SendToNextHop(tcp("fwd"), FORWARD_ALL, false, null));
        }
    }

    @Test
    void R_ROUTE_6_aTransportRouteTakesTheNextHopFromTheStartOfTheServiceName() {
        node.routes(AW, TRANSPORT);

        assertThat(matcher().match(RoutingRequest.outgoing(AW, ORDERS_AT_PEER), node.build(), NOW))
                .isEqualTo(new SendToNextHop(new RouteAddress.Tcp("127.0.0.1", 5022), TRANSPORT, false, null));
        assertThat(matcher().match(RoutingRequest.outgoing(AW, "TCP://peer:5022"), node.build(), NOW))
                .isEqualTo(new SendToNextHop(new RouteAddress.Tcp("peer", 5022), TRANSPORT, false, null));
    }

    @Test
    void R_ROUTE_6_aTransportRouteIsAbsentForANameThatStartsWithNoAddress() {
        node.routes(AW, ACL, TRANSPORT).nodeRoutes(TRANSPORT).forwarding(true);

        assertThat(matcher().match(RoutingRequest.outgoing(AW, "Orders"), node.build(), NOW))
                .isEqualTo(new Delayed(RoutingStatus.NO_ROUTE, false, null));
        assertThat(matcher().match(RoutingRequest.outgoing(AW, "tcp://no-port/Orders"), node.build(), NOW))
                .isEqualTo(new Delayed(RoutingStatus.NO_ROUTE, false, null));
        assertThat(matcher().match(RoutingRequest.incoming("Orders", null), node.build(), NOW))
                .isEqualTo(new Dropped(RoutingStatus.NO_ROUTE, false, null));
        assertThat(matcher().match(RoutingRequest.incoming("Orders", null), node.nodeRoutes(ACL, TRANSPORT).build(), NOW))
                .isEqualTo(new Dropped(RoutingStatus.NO_LOCAL_SERVICE, false, null));
    }

    @Test
    void R_ROUTE_7_identicalRoutesCountAsOneChoice() {
        Route first = route("First", "Svc", "tcp://h1:4022");
        Route sameAsFirst = route("SameAsFirst", "Svc", "tcp://h1:4022");
        Route other = route("Other", "Svc", "tcp://h2:4022");
        node.routes(AW, first, sameAsFirst, other);
        RouteMatcher matcher = new RouteMatcher(new Random(7));
        int toFirst = 0;

        for (int run = 0; run < 2000; run++) {
            SendToNextHop hop = (SendToNextHop) matcher.match(RoutingRequest.outgoing(AW, "Svc"), node.build(), NOW);
            assertThat(hop.route()).isIn(first, other);
            if (hop.route() == first) {
                toFirst++;
            }
        }
        assertThat(toFirst).as("uniform over 2 distinct triples, not 3 routes").isBetween(900, 1100);
    }

    @Test
    void R_ROUTE_22_aServiceSpecificRouteBeatsAutoCreatedLocalEvenForALocalService() {
        Route specific = route("Specific", "Svc", "tcp://h2:4022");
        node.broker(AW, "Client", "Svc").broker(DB2, "Svc").routes(AW, ACL, specific);

        assertThat(matcher().match(RoutingRequest.outgoing(AW, "Svc"), node.build(), NOW))
                .isEqualTo(new SendToNextHop(tcp("h2"), specific, false, null));
    }

    @Test
    void R_ROUTE_22_withinOneMatchedSetLocalBeatsANetworkAddress() {
        node.broker(DB2, "Svc").routes(AW, FORWARD_ALL, ACL);

        for (long seed = 0; seed < 20; seed++) {
            assertThat(matcher(seed).match(RoutingRequest.outgoing(AW, "Svc"), node.build(), NOW))
                    .isEqualTo(new DeliverLocally(DB2, ACL, null));
            assertThat(matcher(seed).match(RoutingRequest.outgoing(AW, "Far"), node.build(), NOW))
                    .isEqualTo(new SendToNextHop(tcp("fwd"), FORWARD_ALL, false, null));
        }
    }
}
