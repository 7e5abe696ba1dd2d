package io.parley.routing;

import static io.parley.routing.Fixtures.ACL;
import static io.parley.routing.Fixtures.AW;
import static io.parley.routing.Fixtures.G1;
import static io.parley.routing.Fixtures.G2;
import static io.parley.routing.Fixtures.NOW;
import static io.parley.routing.Fixtures.matcher;
import static io.parley.routing.Fixtures.node;
import static io.parley.routing.Fixtures.route;
import static io.parley.routing.Fixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.catalog.Route;
import io.parley.routing.RouteDecision.Delayed;
import io.parley.routing.RouteDecision.SendToNextHop;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** §3.6 and T-5, T-19: the sticky step-3 pick (R-ROUTE-14) and the broker id bound by the first ack (R-ROUTE-27..29). */
class BrokerBindingTest {
    private static final UUID SERVER1 = UUID.fromString("5fb8d92b-ed69-4c80-afbb-2aa6a7d3cb2d");
    private static final UUID SERVER2 = UUID.fromString("81b1d3d0-288e-4d2c-b1d3-456cbb944b4f");
    private static final Route BALANCED_ONE = route("BalancedRouteOne", "BalancedService", SERVER1, "tcp://server1:4022");
    private static final Route BALANCED_TWO = route("BalancedRouteTwo", "BalancedService", SERVER2, "tcp://server2:4022");

    private final NodeView balanced = node().routes(AW, BALANCED_ONE, BALANCED_TWO, ACL).build();

    @Test
    void T_5_everyMessageAndRetryOfADialogGoesToTheServerItsFirstRunPicked() {
        RouteMatcher matcher = new RouteMatcher(new Random(2024));
        Map<UUID, Integer> dialogsPerServer = new HashMap<>();

        for (int dialog = 0; dialog < 200; dialog++) {
            RoutingRequest request = RoutingRequest.outgoing(AW, "BalancedService");
            SendToNextHop first = (SendToNextHop) matcher.match(request, balanced, NOW);
            UUID pick = first.brokerPick();
            assertThat(first.route().brokerInstance()).isEqualTo(pick);
            for (int attempt = 0; attempt < 3 * 4; attempt++) {
                assertThat(matcher.match(request.withBrokerPick(pick), balanced, NOW)).isEqualTo(first);
            }
            dialogsPerServer.merge(pick, 1, Integer::sum);
        }
        assertThat(dialogsPerServer.keySet()).containsExactlyInAnyOrder(SERVER1, SERVER2);
    }

    @Test
    void T_5_aDialogThatNamesABrokerIdInBeginDialogGoesOnlyThere() {
        for (long seed = 0; seed < 50; seed++) {
            assertThat(matcher(seed).match(RoutingRequest.outgoing(AW, "BalancedService").withBrokerId(SERVER2), balanced, NOW))
                    .isEqualTo(new SendToNextHop(tcp("server2"), BALANCED_TWO, false, null));
        }
    }

    @Test
    void R_ROUTE_27_afterTheFirstAckTheBoundBrokerIdIsUsedAndStep3NeverAgain() {
        Route ra = route("RA", "Svc", G1, "tcp://b1:4022");
        Route rb = route("RB", "Svc", G2, "tcp://b2:4022");
        Fixtures.NodeBuilder node = node().routes(AW, ra, rb, ACL);
        RoutingRequest unbound = RoutingRequest.outgoing(AW, "Svc");
        assertThat(matcher().match(unbound, node.build(), NOW)).isIn(
                new SendToNextHop(tcp("b1"), ra, false, G1), new SendToNextHop(tcp("b2"), rb, false, G2));

        RoutingRequest bound = unbound.withBrokerId(G1).withBrokerPick(G2);
        assertThat(matcher().match(bound, node.build(), NOW)).isEqualTo(new SendToNextHop(tcp("b1"), ra, false, null));

        Route altered = route("RA", "Svc", G1, "tcp://b1b:4022");
        node.routes(AW, altered, rb, ACL);
        assertThat(matcher().match(bound, node.build(), NOW)).isEqualTo(new SendToNextHop(tcp("b1b"), altered, false, null));

        node.routes(AW, rb, ACL);
        assertThat(matcher().match(bound, node.build(), NOW)).isEqualTo(new Delayed(RoutingStatus.NO_ROUTE, false, null));

        Route serviceOnly = route("ToB1", "Svc", "tcp://b1:4022");
        node.routes(AW, rb, ACL, serviceOnly);
        assertThat(matcher().match(bound, node.build(), NOW)).isEqualTo(new SendToNextHop(tcp("b1"), serviceOnly, false, null));
    }

    @Test
    void R_ROUTE_28_dialogsOfOneGroupAreRoutedEachOnItsOwnUnlessTheyNameTheBroker() {
        RouteMatcher matcher = new RouteMatcher(new Random(28));
        Set<UUID> unboundPicks = new HashSet<>();

        for (int dialog = 0; dialog < 20; dialog++) {
            unboundPicks.add(matcher.match(RoutingRequest.outgoing(AW, "BalancedService"), balanced, NOW).brokerPick());
            assertThat(matcher.match(RoutingRequest.outgoing(AW, "BalancedService").withBrokerId(SERVER1), balanced, NOW))
                    .isEqualTo(new SendToNextHop(tcp("server1"), BALANCED_ONE, false, null));
        }
        assertThat(unboundPicks).containsExactlyInAnyOrder(SERVER1, SERVER2);
    }

    @Test
    void R_ROUTE_29_aDialogBoundToOneServerIsNeverRoutedToTheOtherWhateverItPickedBefore() {
        RoutingRequest boundToServer2 = RoutingRequest.outgoing(AW, "BalancedService")
                .withBrokerId(SERVER2)
                .withBrokerPick(SERVER1);

        for (long seed = 0; seed < 50; seed++) {
            assertThat(matcher(seed).match(boundToServer2, balanced, NOW))
                    .isEqualTo(new SendToNextHop(tcp("server2"), BALANCED_TWO, false, null));
        }
    }
}
