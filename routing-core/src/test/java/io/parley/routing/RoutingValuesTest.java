package io.parley.routing;

import static io.parley.routing.Fixtures.ACL;
import static io.parley.routing.Fixtures.AW;
import static io.parley.routing.Fixtures.DB2;
import static io.parley.routing.Fixtures.DB3;
import static io.parley.routing.Fixtures.G1;
import static io.parley.routing.Fixtures.NOW;
import static io.parley.routing.Fixtures.expiringAt;
import static io.parley.routing.Fixtures.node;
import static io.parley.routing.Fixtures.route;
import static io.parley.routing.Fixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.catalog.Route;
import io.parley.catalog.RouteAddress;
import io.parley.routing.RouteDecision.Delayed;
import io.parley.routing.RouteDecision.Dropped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The value types of the package: requests, node views, tables and the invariants of decisions. */
class RoutingValuesTest {

    @Test
    void aRequestNeedsATargetServiceName() {
        assertThatThrownBy(() -> RoutingRequest.outgoing(AW, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoutingRequest.incoming(null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestFactoriesAndWithersSetOnlyWhatTheyName() {
        RoutingRequest request = RoutingRequest.outgoing(AW, "Svc").withBrokerPick(G1).withBrokerId(DB2).asReply();

        assertThat(request).isEqualTo(new RoutingRequest("Svc", DB2, new RoutingRequest.Origin.Local(AW), true, G1));
        assertThat(RoutingRequest.incoming("Svc", DB2))
                .isEqualTo(new RoutingRequest("Svc", DB2, RoutingRequest.Origin.REMOTE, false, null));
    }

    @Test
    void aNodeCannotHostTwoBrokersWithOneId() {
        BrokerView one = new BrokerView(DB2, true, Set.of(), RouteTable.of(ACL));
        BrokerView copy = new BrokerView(DB2, false, Set.of("Svc"), RouteTable.of());

        assertThatThrownBy(() -> new NodeView(List.of(one, copy), RouteTable.of(), Set.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DB2.toString());
    }

    @Test
    void ownAddressesCompareHostsWithoutCaseAndPortsExactly() {
        NodeView view = node().ownAddresses(new RouteAddress.Tcp("Node1.Example.com", 4022)).build();

        assertThat(view.isOwnAddress(new RouteAddress.Tcp("node1.example.COM", 4022))).isTrue();
        assertThat(view.isOwnAddress(new RouteAddress.Tcp("node1.example.com", 4023))).isFalse();
        assertThat(view.isOwnAddress(tcp("node2.example.com"))).isFalse();
    }

    @Test
    void locatingAServicePrefersTheOwnBrokerAndSeesOnlyDeliverableBrokers() {
        NodeView view = node().broker(AW, "Client", "Svc").broker(DB2, "Svc").broker(DB3, "Svc")
                .deliveryDisabled(DB3).build();
        Set<UUID> fromOutside = new HashSet<>();
        SplittableRandom random = new SplittableRandom(3);

        for (int run = 0; run < 50; run++) {
            assertThat(view.locateService("Svc", AW, random)).contains(AW);
            fromOutside.add(view.locateService("Svc", null, random).orElseThrow());
        }
        assertThat(fromOutside).containsExactlyInAnyOrder(AW, DB2);
        assertThat(view.locateService("svc", AW, random)).isEmpty();
        assertThat(view.hostsService("Svc")).isTrue();
        assertThat(view.broker(DB3)).isPresent();
        assertThat(view.deliverableBroker(DB3)).isEmpty();
    }

    @Test
    void aBrokerViewKeepsItsOwnCopyOfTheServiceNames() {
        Set<String> services = new HashSet<>(Set.of("Svc"));
        BrokerView broker = new BrokerView(DB2, true, services, RouteTable.of());
        services.add("Later");

        assertThat(broker.hostsService("Later")).isFalse();
        assertThat(broker.hostsService("Svc")).isTrue();
        assertThat(broker.hostsService("SVC")).isFalse();
    }

    @Test
    void aRouteTableAddsPendingRequestsToACopyAndComparesNamesExactly() {
        RouteTable table = RouteTable.of(ACL);
        RouteTable pending = table.withPendingRouteRequest("Svc");

        assertThat(table.isRouteRequestPending("Svc")).isFalse();
        assertThat(pending.isRouteRequestPending("Svc")).isTrue();
        assertThat(pending.isRouteRequestPending("svc")).isFalse();
        assertThat(pending.routes()).containsExactly(ACL);
    }

    @Test
    void aRouteTableOffersOnlyUnexpiredRoutesForMatching() {
        Route expired = expiringAt(route("Old", "Svc", "tcp://x:4022"), NOW);
        Route current = expiringAt(route("New", "Svc", "tcp://y:4022"), NOW.plusSeconds(1));

        assertThat(RouteTable.of(expired, current, ACL).activeAt(NOW)).containsExactly(current, ACL);
    }

    @Test
    void aDelayedConversationShowsOnly9793Or9770() {
        assertThatThrownBy(() -> new Delayed(RoutingStatus.FORWARDING_DISABLED, false, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Delayed(RoutingStatus.NO_LOCAL_SERVICE, false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRouteRequestGoesOnlyWithStatus9770() {
        assertThatThrownBy(() -> new Delayed(RoutingStatus.NO_ROUTE, true, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Dropped(RoutingStatus.NO_LOCAL_BROKER, true, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Dropped(RoutingStatus.LOCATING_ROUTES, true, null).requestRoute()).isTrue();
    }

    @Test
    void statusNumbersAreThoseOfServiceBroker() {
        assertThat(List.of(RoutingStatus.values())).extracting(RoutingStatus::number)
                .containsExactly(9793, 9770, 9792, 9796, 9795);
    }
}
