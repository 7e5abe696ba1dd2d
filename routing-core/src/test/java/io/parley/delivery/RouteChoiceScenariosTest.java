package io.parley.delivery;

import static io.parley.delivery.SingleNodeHarness.TQ_STATUS;
import static io.parley.delivery.SingleNodeHarness.await;
import static io.parley.delivery.SingleNodeHarness.awaitNoTransmissionRows;
import static io.parley.delivery.SingleNodeHarness.endpointRow;
import static io.parley.delivery.SingleNodeHarness.host;
import static io.parley.delivery.SingleNodeHarness.receive;
import static io.parley.delivery.SingleNodeHarness.text;
import static io.parley.delivery.SingleNodeHarness.transmissionRows;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.dialog.BeginDialog;
import io.parley.dialog.ConversationHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The §9 scenarios about which next hop a dialog's messages reach, with harness peers on
 * 127.0.0.1 and instance I1 as a node with brokers AW (Client on ClientQ) and DB2: T-5's load
 * balancing by broker id, T-14's route to the node itself, and T-16's matching order.
 */
class RouteChoiceScenariosTest extends ScriptedPeerScenarios {
    private static final UUID G1 = UUID.fromString("5fb8d92b-ed69-4c80-afbb-2aa6a7d3cb2d");
    private static final UUID G2 = UUID.fromString("81b1d3d0-288e-4d2c-b1d3-456cbb944b4f");
    private static final UUID G3 = UUID.fromString("33333333-3333-4333-8333-333333333333");
    private static final UUID G9 = UUID.fromString("99999999-9999-4999-8999-999999999999");

    private UUID conversationId(ConversationHandle h) {
        return UUID.fromString(endpointRow(aw, h).orElseThrow().get(1));
    }

    /** The peers that received any message of the dialog {@code h}. */
    private static Set<ScriptedPeer> reachedBy(UUID conversation, List<ScriptedPeer> candidates) {
        Set<ScriptedPeer> reached = new HashSet<>();
        for (ScriptedPeer peer : candidates) {
            if (peer.received().stream().anyMatch(r -> r.frame().key().conversationId().equals(conversation))) {
                reached.add(peer);
            }
        }
        return reached;
    }

    /**
     * T-5, R-ROUTE-14 and R-ROUTE-27: dialogs without broker id each stick to the server step 3
     * picked for them, through every retry while acks are held back; both servers get some; once
     * the acks come, each dialog is bound to its server's broker id; a dialog naming G2 goes to
     * server2 only. (The scenario's 200 dialogs are 40 here.)
     */
    @Test
    void t5_loadBalancedDialogsStickToTheirPickedServerAndBindToIt() {
        ScriptedPeer server1 = peer("server1", G1, ScriptedPeer.Answer.HOLD);
        ScriptedPeer server2 = peer("server2", G2, ScriptedPeer.Answer.HOLD);
        aw.execute("CREATE ROUTE BalancedRouteOne WITH SERVICE_NAME = 'BalancedService', BROKER_INSTANCE = '" + G1
                + "', ADDRESS = '" + server1.address() + "';"
                + "CREATE ROUTE BalancedRouteTwo WITH SERVICE_NAME = 'BalancedService', BROKER_INSTANCE = '" + G2
                + "', ADDRESS = '" + server2.address() + "';");
        List<ConversationHandle> dialogs = new ArrayList<>();
        for (int d = 0; d < 40; d++) {
            dialogs.add(begin(BeginDialog.from("Client").to("BalancedService"), "m0", "m1", "m2"));
        }
        Map<ConversationHandle, UUID> ids = new HashMap<>();
        dialogs.forEach(h -> ids.put(h, conversationId(h)));
        List<ScriptedPeer> servers = List.of(server1, server2);
        await("message 0 of every dialog at a server", () -> dialogs.stream()
                .allMatch(h -> !reachedBy(ids.get(h), servers).isEmpty()));
        await("some retries while the acks are held", () -> server1.received().size() + server2.received().size() > 60);
        server1.releaseAcks();
        server2.releaseAcks();
        await("every dialog acknowledged", () -> aw.view("transmission_queue").rows().isEmpty());

        Set<ScriptedPeer> used = new HashSet<>();
        for (ConversationHandle h : dialogs) {
            Set<ScriptedPeer> reached = reachedBy(ids.get(h), servers);
            assertThat(reached).as("servers reached by dialog %s", h).hasSize(1);
            ScriptedPeer server = reached.iterator().next();
            used.add(server);
            assertThat(server.received()).filteredOn(r -> r.frame().key().conversationId().equals(ids.get(h)))
                    .extracting(ScriptedPeer.Received::body).contains("m0", "m1", "m2");
            assertThat(endpointRow(aw, h)).hasValueSatisfying(r -> assertThat(r.get(10)).isEqualTo(server.broker.toString()));
        }
        assertThat(used).containsExactlyInAnyOrder(server1, server2);

        ConversationHandle named = begin(BeginDialog.from("Client").to("BalancedService").toBroker(G2), "n0", "n1");
        awaitNoTransmissionRows(aw, named);
        assertThat(reachedBy(conversationId(named), servers)).containsExactly(server2);
    }

    /**
     * T-14, R-ROUTE-10: AW's route leads back to I1 itself, so msdb's routes apply; with forwarding
     * DISABLED the message is dropped there and AW's row stays, with an empty status, and is
     * retried; once forwarding is ENABLED the next retry goes to msdb's next hop, and AW's row goes
     * on its ack.
     */
    @Test
    void t14_aRouteToTheNodeItselfUsesTheNodeLevelRoutes() throws Exception {
        ScriptedPeer other = peer("other", UUID.randomUUID(), ScriptedPeer.Answer.ACK);
        aw.execute("CREATE ROUTE Self WITH SERVICE_NAME = 'Svc', ADDRESS = '" + NetworkNodes.address(port) + "';");
        i1.nodeBroker().execute("DROP ROUTE AutoCreatedLocal;"
                + "CREATE ROUTE Fwd WITH SERVICE_NAME = 'Svc', ADDRESS = '" + other.address() + "';");
        ConversationHandle h = begin(BeginDialog.from("Client").to("Svc"), "m0");
        Thread.sleep(NetworkNodes.RETRY.delayAfter(1).plus(NetworkNodes.RETRY.delayAfter(2)).toMillis());
        assertThat(transmissionRows(aw, h)).singleElement().satisfies(r -> assertThat(r.get(TQ_STATUS)).isEmpty());
        assertThat(other.received()).isEmpty();

        i1.nodeBroker().execute("ALTER ENDPOINT ParleyEndpoint FOR SERVICE_BROKER (MESSAGE_FORWARDING = ENABLED);");
        awaitNoTransmissionRows(aw, h);
        assertThat(other.bodies()).containsExactly("m0");
    }

    /**
     * T-16, R-ROUTE-12..17: with R1 (Svc, G1, h1), R2 (Svc, –, h2), R3 (Svc, G3, h3) and
     * AutoCreatedLocal, and Svc also in DB2: broker id G1 goes to h1, none and G9 go to h2; without
     * R2 a dialog goes to h1 or h3 with all its messages; without R1 and R3 it is delivered to DB2.
     */
    @Test
    void t16_theMatchingStepsPickTheNextHopEachMessageReaches() {
        host(db2, "Svc");
        ScriptedPeer h1 = peer("h1", G1, ScriptedPeer.Answer.ACK);
        ScriptedPeer h2 = peer("h2", UUID.randomUUID(), ScriptedPeer.Answer.ACK);
        ScriptedPeer h3 = peer("h3", G3, ScriptedPeer.Answer.ACK);
        aw.execute("CREATE ROUTE R1 WITH SERVICE_NAME = 'Svc', BROKER_INSTANCE = '" + G1 + "', ADDRESS = '" + h1.address() + "';"
                + "CREATE ROUTE R2 WITH SERVICE_NAME = 'Svc', ADDRESS = '" + h2.address() + "';"
                + "CREATE ROUTE R3 WITH SERVICE_NAME = 'Svc', BROKER_INSTANCE = '" + G3 + "', ADDRESS = '" + h3.address() + "';");
        List<ScriptedPeer> hops = List.of(h1, h2, h3);
        ConversationHandle toG1 = begin(BeginDialog.from("Client").to("Svc").toBroker(G1), "g1");
        ConversationHandle plain = begin(BeginDialog.from("Client").to("Svc"), "plain");
        ConversationHandle toG9 = begin(BeginDialog.from("Client").to("Svc").toBroker(G9), "g9");
        for (ConversationHandle h : List.of(toG1, plain, toG9)) {
            awaitNoTransmissionRows(aw, h);
        }
        assertThat(reachedBy(conversationId(toG1), hops)).containsExactly(h1);
        assertThat(reachedBy(conversationId(plain), hops)).containsExactly(h2);
        assertThat(reachedBy(conversationId(toG9), hops)).containsExactly(h2);

        aw.execute("DROP ROUTE R2;");
        ConversationHandle step3 = begin(BeginDialog.from("Client").to("Svc"), "a", "b", "c");
        awaitNoTransmissionRows(aw, step3);
        Set<ScriptedPeer> reached = reachedBy(conversationId(step3), hops);
        assertThat(reached).hasSize(1).isSubsetOf(h1, h3);
        assertThat(reached.iterator().next().received()).filteredOn(r -> r.frame().key().conversationId()
                .equals(conversationId(step3))).extracting(ScriptedPeer.Received::body).containsExactly("a", "b", "c");

        aw.execute("DROP ROUTE R1; DROP ROUTE R3;");
        ConversationHandle local = begin(BeginDialog.from("Client").to("Svc"), "local");
        awaitNoTransmissionRows(aw, local);
        assertThat(receive(db2, "SvcQ")).extracting(m -> text(m.body())).containsExactly("local");
        assertThat(reachedBy(conversationId(local), hops)).isEmpty();
    }
}
