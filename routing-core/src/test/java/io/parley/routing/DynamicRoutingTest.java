package io.parley.routing;

import static io.parley.routing.Fixtures.ACL;
import static io.parley.routing.Fixtures.AW;
import static io.parley.routing.Fixtures.DB2;
import static io.parley.routing.Fixtures.G1;
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

/** Step 4 and the dynamic routing service: R-ROUTE-15 (a and b), R-ROUTE-34, T-12. */
class DynamicRoutingTest {
    private static final String BCN = Route.BROKER_CONFIGURATION_SERVICE;
    private static final String ACCOUNTING = "MyEnterprise/Accounting";
    private static final Route BCN_ROUTE = route("BcnRoute", BCN, "LOCAL");
    private static final Delayed ASK = new Delayed(RoutingStatus.LOCATING_ROUTES, true, null);
    private static final Delayed WAIT = new Delayed(RoutingStatus.LOCATING_ROUTES, false, null);

    private final Fixtures.NodeBuilder node = node().broker(AW, "Client", BCN).routes(AW, BCN_ROUTE, ACL);

    private RouteDecision send(String service) {
        return matcher().match(RoutingRequest.outgoing(AW, service), node.build(), NOW);
    }

    @Test
    void R_ROUTE_15a_withNoRequestPendingTheDynamicRoutingServiceIsAsked() {
        Delayed delayed = (Delayed) send(ACCOUNTING);

        assertThat(delayed).isEqualTo(ASK);
        assertThat(delayed.status().number()).isEqualTo(9770);
        assertThat(delayed.status().text())
                .isEqualTo("Locating routes and security information via the Broker Configuration Service.");
    }

    @Test
    void R_ROUTE_15b_withARequestPendingForTheSameNameTheConversationWaitsWithoutAnotherRequest() {
        node.pending(AW, ACCOUNTING);

        assertThat(send(ACCOUNTING)).isEqualTo(WAIT);
        assertThat(send("MyEnterprise/Payroll")).isEqualTo(ASK);
        assertThat(send("myenterprise/accounting")).isEqualTo(ASK);
    }

    @Test
    void R_ROUTE_15_step4EndsMatchingBeforeCatchAllRoutesAndTheImplicitLocalRoute() {
        node.broker(DB2, "Svc").routes(AW, BCN_ROUTE, ACL, route("ForwardAll", null, "tcp://fwd:4022"));

        assertThat(send("Svc")).isEqualTo(ASK);
        assertThat(send("Far")).isEqualTo(ASK);
        assertThat(matcher().match(RoutingRequest.outgoing(AW, "Svc").withBrokerId(DB2), node.build(), NOW)).isEqualTo(ASK);
    }

    @Test
    void R_ROUTE_15_stepsBeforeStep4StillWin() {
        Route accounting = route("Accounting", ACCOUNTING, "tcp://acct:4022");
        Route payroll = route("Payroll", "Payroll", G1, "tcp://pay:4022");
        node.routes(AW, BCN_ROUTE, ACL, accounting, payroll);

        assertThat(send(ACCOUNTING)).isEqualTo(new SendToNextHop(tcp("acct"), accounting, false, null));
        assertThat(send("Payroll")).isEqualTo(new SendToNextHop(tcp("pay"), payroll, false, G1));
        assertThat(send(BCN)).isEqualTo(new DeliverLocally(AW, BCN_ROUTE, null));
    }

    @Test
    void R_ROUTE_15_onlyARouteInTheTableBeingSearchedCounts() {
        node.broker(DB2, "LocalSvc").routes(AW, ACL).nodeRoutes(BCN_ROUTE, ACL);

        assertThat(send("LocalSvc")).isEqualTo(new DeliverLocally(DB2, ACL, null));
        assertThat(matcher().match(RoutingRequest.incoming("LocalSvc", null), node.build(), NOW))
                .isEqualTo(new Dropped(RoutingStatus.LOCATING_ROUTES, true, null));
        node.pending(AW, "LocalSvc");
        assertThat(matcher().match(RoutingRequest.incoming("LocalSvc", null), node.build(), NOW))
                .as("a request of AW's table is not one of the node table")
                .isEqualTo(new Dropped(RoutingStatus.LOCATING_ROUTES, true, null));
        node.nodePending("LocalSvc");
        assertThat(matcher().match(RoutingRequest.incoming("LocalSvc", null), node.build(), NOW))
                .isEqualTo(new Dropped(RoutingStatus.LOCATING_ROUTES, false, null));
    }

    @Test
    void R_ROUTE_15_anExpiredRouteToTheDynamicRoutingServiceIsIgnored() {
        node.broker(DB2, "LocalSvc").routes(AW, expiringAt(BCN_ROUTE, NOW), ACL);

        assertThat(send("LocalSvc")).isEqualTo(new DeliverLocally(DB2, ACL, null));
    }

    @Test
    void R_ROUTE_34_servicesReachedOnlyThroughAutoCreatedLocalBecomeDelayedOnceABcnRouteExists() {
        String eventNotifications = "http://schemas.microsoft.com/SQL/Notifications/EventNotificationService";
        node.broker(AW, "Client", BCN, eventNotifications).routes(AW, ACL);
        assertThat(send(eventNotifications)).isEqualTo(new DeliverLocally(AW, ACL, null));

        node.routes(AW, ACL, BCN_ROUTE);
        assertThat(send(eventNotifications)).isEqualTo(ASK);

        Route explicit = route("EventNotifications", eventNotifications, "LOCAL");
        node.routes(AW, ACL, BCN_ROUTE, explicit);
        assertThat(send(eventNotifications)).isEqualTo(new DeliverLocally(AW, explicit, null));
    }

    @Test
    void T_12_dynamicRoutingFromRequestToExpiry() {
        assertThat(send(ACCOUNTING)).as("first dialog").isEqualTo(ASK);
        node.pending(AW, ACCOUNTING);
        assertThat(send(ACCOUNTING)).as("second dialog").isEqualTo(WAIT);

        Instant answeredAt = NOW.plusSeconds(5);
        Route learnt = expiringAt(route("Accounting", ACCOUNTING, "tcp://acct:4022"), answeredAt.plusSeconds(2));
        NodeView answered = node().broker(AW, "Client", BCN).routes(AW, BCN_ROUTE, ACL, learnt).build();
        RoutingRequest toAccounting = RoutingRequest.outgoing(AW, ACCOUNTING);
        assertThat(matcher().match(toAccounting, answered, answeredAt))
                .isEqualTo(new SendToNextHop(tcp("acct"), learnt, false, null));
        assertThat(matcher().match(toAccounting, answered, answeredAt.plusSeconds(2)))
                .as("after the learnt route's lifetime").isEqualTo(ASK);

        node.broker(DB2, "LocalSvc");
        assertThat(send("LocalSvc")).isEqualTo(ASK);
        Route localSvc = route("LocalSvcRoute", "LocalSvc", "LOCAL");
        node.routes(AW, BCN_ROUTE, ACL, localSvc);
        assertThat(send("LocalSvc")).isEqualTo(new DeliverLocally(DB2, localSvc, null));
    }
}
