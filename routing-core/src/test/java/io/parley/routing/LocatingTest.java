package io.parley.routing;

import static io.parley.routing.Fixtures.ACL;
import static io.parley.routing.Fixtures.AW;
import static io.parley.routing.Fixtures.DB2;
import static io.parley.routing.Fixtures.DB3;
import static io.parley.routing.Fixtures.G9;
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
import io.parley.routing.RouteDecision.ServiceMissing;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** §3.5: finding the broker behind a LOCAL route (R-ROUTE-24, R-ROUTE-25, R-ROUTE-26, R-OBJ-29). */
class LocatingTest {
    private static final Route FORWARD_ALL = route("ForwardAll", null, "tcp://fwd:4022");
    private static final Route TRANSPORT = route("TransportRoute", null, "TRANSPORT");

    private final Fixtures.NodeBuilder node = node().broker(DB3);

    private RouteDecision decide(RoutingRequest request) {
        return matcher().match(request, node.build(), NOW);
    }

    @Test
    void R_ROUTE_24_theConversationsBrokerIdDecidesEvenWhenOtherBrokersHostTheService() {
        node.broker(AW, "Client", "Svc").broker(DB2, "Svc").broker(DB3, "Svc");

        for (long seed = 0; seed < 20; seed++) {
            assertThat(matcher(seed).match(RoutingRequest.outgoing(AW, "Svc").withBrokerId(DB3), node.build(), NOW))
                    .isEqualTo(new DeliverLocally(DB3, ACL, null));
        }
    }

    @Test
    void R_ROUTE_24_theRoutesBrokerIdDecidesWhenTheConversationHasNone() {
        Route toDb3 = route("ToDb3", "Svc", DB3, "LOCAL");
        node.broker(AW, "Client", "Svc").broker(DB3, "Svc").routes(AW, toDb3);

        assertThat(decide(RoutingRequest.outgoing(AW, "Svc"))).isEqualTo(new DeliverLocally(DB3, toDb3, DB3));
    }

    @Test
    void R_ROUTE_24_aKnownBrokerOfThisNodeWithoutTheServiceIsServiceMissing() {
        node.broker(DB2, "Svc").nodeRoutes(ACL);

        assertThat(decide(RoutingRequest.outgoing(AW, "Svc").withBrokerId(DB3)))
                .isEqualTo(new ServiceMissing(DB3, ACL, null));
        assertThat(decide(RoutingRequest.incoming("Svc", DB3))).isEqualTo(new ServiceMissing(DB3, ACL, null));
        assertThat(ServiceMissing.ERROR_CODE).isEqualTo(-8490);
    }

    @Test
    void R_ROUTE_24_aKnownBrokerNotOnThisNodeIsHandledLikeAMissingService() {
        node.broker(DB2, "Svc").routes(AW, ACL, FORWARD_ALL).nodeRoutes(ACL);

        assertThat(decide(RoutingRequest.outgoing(AW, "Svc").withBrokerId(G9)))
                .isEqualTo(new SendToNextHop(tcp("fwd"), FORWARD_ALL, false, null));
        Dropped dropped = (Dropped) decide(RoutingRequest.incoming("Svc", G9));
        assertThat(dropped).isEqualTo(new Dropped(RoutingStatus.NO_LOCAL_BROKER, false, null));
        assertThat(dropped.status().number()).isEqualTo(9795);
        assertThat(dropped.status().text()).isEqualTo("Could not find the target broker in the local SQL Server instance.");
    }

    @Test
    void R_ROUTE_25_theConversationsOwnBrokerIsSearchedFirst() {
        node.broker(AW, "Client", "Svc").broker(DB2, "Svc").broker(DB3, "Svc");

        for (long seed = 0; seed < 50; seed++) {
            assertThat(matcher(seed).match(RoutingRequest.outgoing(AW, "Svc"), node.build(), NOW))
                    .isEqualTo(new DeliverLocally(AW, ACL, null));
        }
    }

    @Test
    void R_ROUTE_25_theOtherBrokersAreSearchedInVaryingOrder() {
        node.broker(DB2, "Svc").broker(DB3, "Svc");
        Set<UUID> outgoing = new HashSet<>();
        Set<UUID> incoming = new HashSet<>();

        for (long seed = 0; seed < 50; seed++) {
            RouteMatcher matcher = matcher(seed);
            outgoing.add(((DeliverLocally) matcher.match(RoutingRequest.outgoing(AW, "Svc"), node.build(), NOW)).broker());
            incoming.add(((DeliverLocally) matcher.match(RoutingRequest.incoming("Svc", null), node.build(), NOW)).broker());
        }
        assertThat(outgoing).containsExactlyInAnyOrder(DB2, DB3);
        assertThat(incoming).containsExactlyInAnyOrder(DB2, DB3);
    }

    @Test
    void R_ROUTE_25_brokersWithDeliveryDisabledAreInvisible() {
        node.broker(DB2, "Svc").broker(DB3, "Svc").deliveryDisabled(DB2);
        for (long seed = 0; seed < 50; seed++) {
            assertThat(matcher(seed).match(RoutingRequest.outgoing(AW, "Svc"), node.build(), NOW))
                    .isEqualTo(new DeliverLocally(DB3, ACL, null));
        }

        node.broker(DB3);
        assertThat(decide(RoutingRequest.outgoing(AW, "Svc"))).isEqualTo(new Delayed(RoutingStatus.NO_ROUTE, false, null));
        assertThat(decide(RoutingRequest.outgoing(AW, "Svc").withBrokerId(DB2)))
                .isEqualTo(new Delayed(RoutingStatus.NO_ROUTE, false, null));
        assertThat(decide(RoutingRequest.incoming("Svc", DB2)))
                .isEqualTo(new Dropped(RoutingStatus.NO_LOCAL_SERVICE, false, null));
    }

    @Test
    void R_OBJ_29_aBrokerWithDeliveryDisabledIsNotFoundUnderItsBrokerIdEither() {
        node.broker(DB2, "Svc").broker(DB3, "Svc").deliveryDisabled(DB2).nodeRoutes(ACL);

        assertThat(decide(RoutingRequest.incoming("Svc", DB2)))
                .isEqualTo(new Dropped(RoutingStatus.NO_LOCAL_BROKER, false, null));
    }

    @Test
    void R_ROUTE_26_aLocalRouteWithoutTheServiceGivesWayToTheNextCategory() {
        node.routes(AW, ACL, TRANSPORT);

        assertThat(decide(RoutingRequest.outgoing(AW, "tcp://127.0.0.1:5022/Orders")))
                .isEqualTo(new SendToNextHop(new RouteAddress.Tcp("127.0.0.1", 5022), TRANSPORT, false, null));
    }

    @Test
    void R_ROUTE_26_withNoCategoryLeftALocalConversationIsDelayedWith9793() {
        assertThat(decide(RoutingRequest.outgoing(AW, "Nope"))).isEqualTo(new Delayed(RoutingStatus.NO_ROUTE, false, null));
    }

    @Test
    void R_ROUTE_26_withNoCategoryLeftAMessageFromOutsideIsDroppedWith9796() {
        Dropped dropped = (Dropped) decide(RoutingRequest.incoming("Nope", null));

        assertThat(dropped).isEqualTo(new Dropped(RoutingStatus.NO_LOCAL_SERVICE, false, null));
        assertThat(dropped.status().number()).isEqualTo(9796);
        assertThat(dropped.status().text()).isEqualTo("The target service name matched a LOCAL route, but there is"
                + " no service by that name in the local SQL Server instance.");
    }
}
