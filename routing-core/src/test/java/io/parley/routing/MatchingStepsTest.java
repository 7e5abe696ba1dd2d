package io.parley.routing;

import static io.parley.routing.Fixtures.ACL;
import static io.parley.routing.Fixtures.AW;
import static io.parley.routing.Fixtures.DB2;
import static io.parley.routing.Fixtures.G1;
import static io.parley.routing.Fixtures.G3;
import static io.parley.routing.Fixtures.G9;
import static io.parley.routing.Fixtures.NOW;
import static io.parley.routing.Fixtures.expiringAt;
import static io.parley.routing.Fixtures.matcher;
import static io.parley.routing.Fixtures.node;
import static io.parley.routing.Fixtures.route;
import static io.parley.routing.Fixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.catalog.Route;
import io.parley.routing.RouteDecision.DeliverLocally;
import io.parley.routing.RouteDecision.Delayed;
import io.parley.routing.RouteDecision.Dropped;
import io.parley.routing.RouteDecision.SendToNextHop;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** §3.3: the seven matching steps, first non-empty step wins (R-ROUTE-12..19), expiry (R-ROUTE-5), names (R-OBJ-1). */
class MatchingStepsTest {
    private static final Route S1 = route("S1", "Svc", G1, "tcp://h1:4022");
    private static final Route S2 = route("S2", "Svc", "tcp://h2:4022");
    private static final Route S3 = route("S3", "Svc", G3, "tcp://h3:4022");
    private static final Route FORWARD_ALL = route("ForwardAll", null, "tcp://fwd:4022");
    private static final Delayed NO_ROUTE = new Delayed(RoutingStatus.NO_ROUTE, false, null);

    private final Fixtures.NodeBuilder node = node();

    private RouteDecision send(RoutingRequest request) {
        return matcher().match(request, node.build(), NOW);
    }

    @Test
    void R_ROUTE_12_theRouteForServiceAndBrokerIdComesFirst() {
        node.routes(AW, S2, S3, S1, ACL);

        assertThat(send(RoutingRequest.outgoing(AW, "Svc").withBrokerId(G1)))
                .isEqualTo(new SendToNextHop(tcp("h1"), S1, false, null));
    }

    @Test
    void R_ROUTE_12_aRouteForAnotherBrokerIdNeverMatchesAConversationWithABrokerId() {
        node.routes(AW, S1, S3);

        assertThat(send(RoutingRequest.outgoing(AW, "Svc").withBrokerId(G9))).isEqualTo(NO_ROUTE);
    }

    @Test
    void R_ROUTE_13_serviceOnlyRouteComesBeforeBrokerSpecificWithoutBrokerId() {
        node.routes(AW, S1, S3, S2, ACL);

        for (long seed = 0; seed < 20; seed++) {
            assertThat(matcher(seed).match(RoutingRequest.outgoing(AW, "Svc"), node.build(), NOW))
                    .isEqualTo(new SendToNextHop(tcp("h2"), S2, false, null));
        }
    }

    @Test
    void R_ROUTE_13_serviceOnlyRouteFollowsTheExactRouteWithABrokerId() {
        node.routes(AW, S1, S3, S2, ACL);

        assertThat(send(RoutingRequest.outgoing(AW, "Svc").withBrokerId(G9)))
                .isEqualTo(new SendToNextHop(tcp("h2"), S2, false, null));
    }

    @Test
    void R_ROUTE_14_step3KeepsOnlyTheRoutesOfOnePickedBrokerId() {
        Route s1b = route("S1b", "Svc", G1, "tcp://h1b:4022");
        node.routes(AW, S1, s1b, S3, ACL);
        Set<UUID> picks = new HashSet<>();

        for (long seed = 0; seed < 100; seed++) {
            SendToNextHop hop = (SendToNextHop) matcher(seed).match(RoutingRequest.outgoing(AW, "Svc"), node.build(), NOW);
            assertThat(hop.brokerPick()).isIn(G1, G3);
            assertThat(hop.route().brokerInstance()).isEqualTo(hop.brokerPick());
            picks.add(hop.brokerPick());
        }
        assertThat(picks).containsExactlyInAnyOrder(G1, G3);
    }

    @Test
    void R_ROUTE_14_anEarlierPickIsKeptWhileItsRoutesRemain() {
        node.routes(AW, S1, S3, ACL);

        for (long seed = 0; seed < 50; seed++) {
            assertThat(matcher(seed).match(RoutingRequest.outgoing(AW, "Svc").withBrokerPick(G3), node.build(), NOW))
                    .isEqualTo(new SendToNextHop(tcp("h3"), S3, false, G3));
        }
    }

    @Test
    void R_ROUTE_14_anEarlierPickWhoseRoutesAreGoneIsReplaced() {
        node.routes(AW, S1, ACL);

        assertThat(send(RoutingRequest.outgoing(AW, "Svc").withBrokerPick(G3)))
                .isEqualTo(new SendToNextHop(tcp("h1"), S1, false, G1));
    }

    @Test
    void R_ROUTE_14_step3IsSkippedOnceTheConversationHasABrokerId() {
        node.routes(AW, S1, S3, ACL);

        assertThat(send(RoutingRequest.outgoing(AW, "Svc").withBrokerId(G1).withBrokerPick(G3)))
                .isEqualTo(new SendToNextHop(tcp("h1"), S1, false, null));
    }

    @Test
    void R_ROUTE_14_step3BeatsTheCatchAllRoutesOfStep5() {
        node.broker(DB2, "Svc").routes(AW, S1, ACL);

        assertThat(send(RoutingRequest.outgoing(AW, "Svc")))
                .isEqualTo(new SendToNextHop(tcp("h1"), S1, false, G1));
    }

    @Test
    void R_ROUTE_14_thePickIsReportedEvenWhenTheRoutesOfThePickedBrokerAreUnusable() {
        Route toG1 = route("ToG1", "Svc", G1, "LOCAL");
        node.broker(DB2, "Svc").routes(AW, toG1).nodeRoutes(toG1);

        assertThat(send(RoutingRequest.outgoing(AW, "Svc"))).isEqualTo(new Delayed(RoutingStatus.NO_ROUTE, false, G1));
        assertThat(send(RoutingRequest.incoming("Svc", null)))
                .isEqualTo(new Dropped(RoutingStatus.NO_LOCAL_BROKER, false, G1));
    }

    @Test
    void R_ROUTE_16_routesNamingNeitherServiceNorBrokerMatchWhenNothingSpecificDoes() {
        node.routes(AW, route("Other", "Other", "tcp://other:4022"), FORWARD_ALL);

        assertThat(send(RoutingRequest.outgoing(AW, "Svc")))
                .isEqualTo(new SendToNextHop(tcp("fwd"), FORWARD_ALL, false, null));
    }

    @Test
    void R_ROUTE_17_aKnownBrokerIdAndAServiceOnThisNodeImplyALocalRoute() {
        node.broker(DB2, "Svc").routes(AW);

        assertThat(send(RoutingRequest.outgoing(AW, "Svc").withBrokerId(DB2)))
                .isEqualTo(new DeliverLocally(DB2, null, null));
        assertThat(send(RoutingRequest.outgoing(AW, "Svc"))).isEqualTo(NO_ROUTE);
    }

    @Test
    void R_ROUTE_17_theImpliedLocalRouteNeedsTheBrokerOnThisNode() {
        node.broker(DB2, "Svc").routes(AW).nodeRoutes();

        assertThat(send(RoutingRequest.outgoing(AW, "Svc").withBrokerId(G9))).isEqualTo(NO_ROUTE);
        assertThat(send(RoutingRequest.incoming("Svc", G9)))
                .isEqualTo(new Dropped(RoutingStatus.NO_LOCAL_BROKER, false, null));
        assertThat(send(RoutingRequest.incoming("Absent", G9)))
                .isEqualTo(new Dropped(RoutingStatus.NO_ROUTE, false, null));
    }

    @Test
    void R_ROUTE_17_step6DoesNotRunWhenStep5Matched() {
        node.broker(DB2, "Svc").routes(AW, FORWARD_ALL);

        assertThat(send(RoutingRequest.outgoing(AW, "Svc").withBrokerId(DB2)))
                .isEqualTo(new SendToNextHop(tcp("fwd"), FORWARD_ALL, false, null));
    }

    @Test
    void R_ROUTE_18_noMatchDelaysALocalConversationAndDropsAMessageFromOutside() {
        node.routes(AW).nodeRoutes();

        RouteDecision local = send(RoutingRequest.outgoing(AW, "Svc"));

        assertThat(local).isEqualTo(NO_ROUTE);
        assertThat(((Delayed) local).status().number()).isEqualTo(9793);
        assertThat(((Delayed) local).status().text()).isEqualTo("The target service name could not be found. Ensure"
                + " that the service name is specified correctly and/or the routing information has been supplied.");
        assertThat(send(RoutingRequest.incoming("Svc", null))).isEqualTo(new Dropped(RoutingStatus.NO_ROUTE, false, null));
    }

    @Test
    void R_ROUTE_19_brokerSpecificLocalRoutesDeliverToTheirBroker() {
        Route toDb2 = route("ToDb2", "Svc", DB2, "LOCAL");
        node.broker(AW, "Client", "Svc").broker(DB2, "Svc").routes(AW, toDb2, ACL);

        assertThat(send(RoutingRequest.outgoing(AW, "Svc"))).isEqualTo(new DeliverLocally(DB2, toDb2, DB2));
        assertThat(send(RoutingRequest.outgoing(AW, "Svc").withBrokerId(DB2))).isEqualTo(new DeliverLocally(DB2, toDb2, null));
    }

    @Test
    void R_ROUTE_5_expiredRoutesTakePartInNoStep() {
        Instant past = NOW.minusSeconds(1);

        node.routes(AW, expiringAt(S1, past), S2);
        assertThat(send(RoutingRequest.outgoing(AW, "Svc").withBrokerId(G1)))
                .as("step 1").isEqualTo(new SendToNextHop(tcp("h2"), S2, false, null));

        node.routes(AW, expiringAt(S2, past), S1);
        assertThat(send(RoutingRequest.outgoing(AW, "Svc")))
                .as("step 2").isEqualTo(new SendToNextHop(tcp("h1"), S1, false, G1));

        node.routes(AW, expiringAt(S1, past), FORWARD_ALL);
        assertThat(send(RoutingRequest.outgoing(AW, "Svc")))
                .as("step 3").isEqualTo(new SendToNextHop(tcp("fwd"), FORWARD_ALL, false, null));

        node.routes(AW, expiringAt(route("Bcn", Route.BROKER_CONFIGURATION_SERVICE, "LOCAL"), past), FORWARD_ALL);
        assertThat(send(RoutingRequest.outgoing(AW, "Svc")))
                .as("step 4").isEqualTo(new SendToNextHop(tcp("fwd"), FORWARD_ALL, false, null));

        node.routes(AW, expiringAt(FORWARD_ALL, past));
        assertThat(send(RoutingRequest.outgoing(AW, "Svc"))).as("step 5").isEqualTo(NO_ROUTE);
    }

    @Test
    void R_ROUTE_5_aRouteIsExpiredFromTheInstantOfItsLifetime() {
        node.routes(AW, expiringAt(S2, NOW));
        assertThat(send(RoutingRequest.outgoing(AW, "Svc"))).isEqualTo(NO_ROUTE);

        Route stillValid = expiringAt(S2, NOW.plus(Duration.ofNanos(1)));
        node.routes(AW, stillValid);
        assertThat(send(RoutingRequest.outgoing(AW, "Svc"))).isEqualTo(new SendToNextHop(tcp("h2"), stillValid, false, null));
    }

    @Test
    void R_OBJ_1_serviceNamesMatchByteExactly() {
        Route orderParts = route("OrderPartsRoute", "OrderParts", "tcp://host2:4022");
        node.broker(DB2, "OrderParts", "Svc").routes(AW, orderParts, route("Exact", "Svc", G1, "tcp://h1:4022"), ACL);

        assertThat(send(RoutingRequest.outgoing(AW, "orderparts"))).isEqualTo(NO_ROUTE);
        assertThat(send(RoutingRequest.outgoing(AW, "OrderParts "))).isEqualTo(NO_ROUTE);
        assertThat(send(RoutingRequest.outgoing(AW, "svc").withBrokerId(G1))).isEqualTo(NO_ROUTE);
        assertThat(send(RoutingRequest.outgoing(AW, "OrderParts")))
                .isEqualTo(new SendToNextHop(tcp("host2"), orderParts, false, null));
    }
}
