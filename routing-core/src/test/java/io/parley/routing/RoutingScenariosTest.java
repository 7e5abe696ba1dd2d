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
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The routing decisions of scenarios T-13, T-14, T-15 and T-16. */
class RoutingScenariosTest {
    private static final Delayed NO_ROUTE = new Delayed(RoutingStatus.NO_ROUTE, false, null);
    private static final Route R1 = route("R1", "Svc", G1, "tcp://h1:4022");
    private static final Route R2 = route("R2", "Svc", "tcp://h2:4022");
    private static final Route R3 = route("R3", "Svc", G3, "tcp://h3:4022");
    private static final SendToNextHop TO_H1 = new SendToNextHop(tcp("h1"), R1, false, G1);
    private static final SendToNextHop TO_H3 = new SendToNextHop(tcp("h3"), R3, false, G3);

    private final Fixtures.NodeBuilder node = node();

    private RouteDecision send(RoutingRequest request) {
        return matcher().match(request, node.build(), NOW);
    }

    @Test
    void T_13_anExpiredRouteIsIgnoredUntilItsLifetimeIsExtended() {
        Instant created = NOW;
        Instant twoSecondsLater = created.plusSeconds(2);
        Route r = route("R", "Svc", "tcp://x:4022");
        RoutingRequest toSvc = RoutingRequest.outgoing(AW, "Svc");

        NodeView expired = node.routes(AW, expiringAt(r, created.plusSeconds(1)), ACL).build();
        assertThat(matcher().match(toSvc, expired, twoSecondsLater)).isEqualTo(NO_ROUTE);

        Route altered = expiringAt(r, twoSecondsLater.plusSeconds(3600));
        NodeView extended = node.routes(AW, altered, ACL).build();
        assertThat(matcher().match(toSvc, extended, twoSecondsLater))
                .isEqualTo(new SendToNextHop(tcp("x"), altered, false, null));
    }

    @Test
    void T_13_aRouteExpiringMidDialogDelaysTheNextMessage() {
        Route r = expiringAt(route("R", "Svc", "tcp://x:4022"), NOW.plusSeconds(1));
        NodeView view = node.routes(AW, r, ACL).build();

        assertThat(matcher().match(RoutingRequest.outgoing(AW, "Svc"), view, NOW))
                .isEqualTo(new SendToNextHop(tcp("x"), r, false, null));
        RoutingRequest afterAck = RoutingRequest.outgoing(AW, "Svc").withBrokerId(G9);
        assertThat(matcher().match(afterAck, view, NOW.plusSeconds(2))).isEqualTo(NO_ROUTE);
    }

    @Test
    void T_14_anAddressThatResolvesToThisNode() {
        Route fwd = route("Fwd", "Svc", "tcp://other:4022");
        node.routes(AW, route("ToSelf", "Svc", "tcp://i1:4022"), ACL).nodeRoutes(fwd);

        assertThat(send(RoutingRequest.outgoing(AW, "Svc")))
                .isEqualTo(new Dropped(RoutingStatus.FORWARDING_DISABLED, false, null));

        node.forwarding(true);
        assertThat(send(RoutingRequest.outgoing(AW, "Svc"))).isEqualTo(new SendToNextHop(tcp("other"), fwd, false, null));
    }

    @Test
    void T_15_brokerIdStep6AndTargetReplies() {
        node.broker(DB2, "Svc").nodeRoutes();

        assertThat(send(RoutingRequest.incoming("Svc", DB2))).isEqualTo(new DeliverLocally(DB2, null, null));
        assertThat(send(RoutingRequest.incoming("Svc", null))).isEqualTo(new Dropped(RoutingStatus.NO_ROUTE, false, null));
        assertThat(send(RoutingRequest.incoming("Client", AW).asReply())).isEqualTo(new DeliverLocally(AW, null, null));
    }

    @Test
    void T_16_routeMatchingOrderWithAllRoutes() {
        node.broker(DB2, "Svc").routes(AW, R1, R2, R3, ACL);

        assertThat(send(RoutingRequest.outgoing(AW, "Svc").withBrokerId(G1)))
                .as("step 1").isEqualTo(new SendToNextHop(tcp("h1"), R1, false, null));
        assertThat(send(RoutingRequest.outgoing(AW, "Svc")))
                .as("step 2 before step 3 and AutoCreatedLocal").isEqualTo(new SendToNextHop(tcp("h2"), R2, false, null));
        assertThat(send(RoutingRequest.outgoing(AW, "Svc").withBrokerId(G9)))
                .as("step 1 empty, step 2").isEqualTo(new SendToNextHop(tcp("h2"), R2, false, null));
    }

    @Test
    void T_16_withoutR2StickyStep3NeverReachesTheLocalService() {
        node.broker(DB2, "Svc").routes(AW, R1, R3, ACL);
        boolean sawH1 = false;
        boolean sawH3 = false;

        for (long seed = 0; seed < 40; seed++) {
            RouteMatcher matcher = matcher(seed);
            RoutingRequest dialog = RoutingRequest.outgoing(AW, "Svc");
            RouteDecision first = matcher.match(dialog, node.build(), NOW);
            assertThat(first).isIn(TO_H1, TO_H3);
            for (int message = 0; message < 5; message++) {
                assertThat(matcher.match(dialog.withBrokerPick(first.brokerPick()), node.build(), NOW)).isEqualTo(first);
            }
            sawH1 |= first.equals(TO_H1);
            sawH3 |= first.equals(TO_H3);
        }
        assertThat(sawH1).isTrue();
        assertThat(sawH3).isTrue();
    }

    @Test
    void T_16_withoutServiceRoutesAutoCreatedLocalThenStep6ThenStep7() {
        node.broker(DB2, "Svc").routes(AW, ACL);
        assertThat(send(RoutingRequest.outgoing(AW, "Svc"))).as("step 5").isEqualTo(new DeliverLocally(DB2, ACL, null));

        node.routes(AW);
        assertThat(send(RoutingRequest.outgoing(AW, "Svc").withBrokerId(DB2)))
                .as("step 6").isEqualTo(new DeliverLocally(DB2, null, null));
        assertThat(send(RoutingRequest.outgoing(AW, "Svc"))).as("step 7").isEqualTo(NO_ROUTE);
    }

    @Test
    void T_16_anExpiredServiceRouteIsSkippedForTheBrokerSpecificOnes() {
        Instant recreated = NOW;
        node.broker(DB2, "Svc").routes(AW, R1, R3, expiringAt(R2, recreated.plusSeconds(1)), ACL);

        for (long seed = 0; seed < 40; seed++) {
            assertThat(matcher(seed).match(RoutingRequest.outgoing(AW, "Svc"), node.build(), recreated.plusSeconds(2)))
                    .isIn(TO_H1, TO_H3);
        }
    }
}
