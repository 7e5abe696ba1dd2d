package io.parley.delivery;

import static io.parley.delivery.SingleNodeHarness.CE_HANDLE;
import static io.parley.delivery.SingleNodeHarness.NO_ROUTE_9793;
import static io.parley.delivery.SingleNodeHarness.TQ_STATUS;
import static io.parley.delivery.SingleNodeHarness.await;
import static io.parley.delivery.SingleNodeHarness.awaitNoTransmissionRows;
import static io.parley.delivery.SingleNodeHarness.endpointRow;
import static io.parley.delivery.SingleNodeHarness.host;
import static io.parley.delivery.SingleNodeHarness.queueRows;
import static io.parley.delivery.SingleNodeHarness.receive;
import static io.parley.delivery.SingleNodeHarness.receiveNow;
import static io.parley.delivery.SingleNodeHarness.send;
import static io.parley.delivery.SingleNodeHarness.text;
import static io.parley.delivery.SingleNodeHarness.transmissionRows;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.dialog.BeginDialog;
import io.parley.dialog.ConversationHandle;
import io.parley.transport.Ack;
import io.parley.transport.MessageFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The §9 scenarios with harness peers ({@link ScriptedPeer}) on 127.0.0.1: instance I1 is a Parley
 * node with brokers AW (initiator service Client on ClientQ) and DB2, listening on its own port.
 * Covered here are the parts that need a peer on the network: T-1's and T-15's incoming messages,
 * T-2's and T-4's next hops, T-13's mid-dialog expiry after an ack, T-17's TRANSPORT route and
 * T-19's broker binding. "No ack" is asserted after waiting {@link #NO_ACK_WAIT} and after a later
 * message to the same node has been acknowledged.
 */
class PeerScenariosTest extends ScriptedPeerScenarios {
    private static final Duration NO_ACK_WAIT = Duration.ofSeconds(2);

    private ConversationHandle begin(String service, String... bodies) {
        return begin(BeginDialog.from("Client").to(service), bodies);
    }

    private String farBroker(ConversationHandle h) {
        return endpointRow(aw, h).map(r -> r.get(10)).orElse("(no endpoint)");
    }

    /**
     * T-1, incoming part: a new dialog's message 0 from a peer to Svc is delivered once to DB2 through
     * msdb's AutoCreatedLocal and acknowledged as DB2; one to 'Nope', which exists nowhere, is
     * dropped at I1 without an ack, and so are its resends.
     */
    @Test
    void t1_peerMessageToALocalServiceIsDeliveredAndOneToNowhereIsDropped() throws Exception {
        host(db2, "Svc");
        ScriptedPeer h1 = peer("h1", UUID.randomUUID(), ScriptedPeer.Answer.ACK);
        MessageFrame nope = h1.message(UUID.randomUUID(), true, 0, "Far", "Nope", null, "to nowhere");
        h1.send(port, nope);
        MessageFrame toSvc = h1.message(UUID.randomUUID(), true, 0, "Far", "Svc", null, "0x01");
        h1.send(port, toSvc);

        assertThat(receive(db2, "SvcQ")).singleElement().satisfies(m -> assertThat(text(m.body())).isEqualTo("0x01"));
        await("the ack of Svc's message", () -> !h1.answersFor(toSvc.key()).isEmpty());
        assertThat(h1.answersFor(toSvc.key())).singleElement().isInstanceOfSatisfying(Ack.class,
                a -> assertThat(a.acknowledgingBroker()).isEqualTo(db2.brokerInstanceId()));
        h1.send(port, nope);
        h1.send(port, nope);
        Thread.sleep(NO_ACK_WAIT.toMillis());
        assertThat(h1.answersFor(nope.key())).as("answers to the message for 'Nope'").isEmpty();
        assertThat(receiveNow(db2, "SvcQ")).isEmpty();
    }

    /**
     * T-2 and T-4: AW's service route to host2 beats the OrderParts of DB2 (R-ROUTE-22), and the
     * catch-all route carries what no broker of I1 hosts; AW's row stays until the peer acks it.
     */
    @Test
    void t2_t4_nextHopsReceiveTheMessagesAndRowsStayUntilTheirAcks() {
        host(db2, "OrderParts");
        host(db2, "Svc");
        ScriptedPeer host2 = peer("host2", UUID.randomUUID(), ScriptedPeer.Answer.ACK);
        ScriptedPeer forwarding = peer("forwarding", UUID.randomUUID(), ScriptedPeer.Answer.HOLD);
        aw.execute("CREATE ROUTE OrderPartsRoute WITH SERVICE_NAME = 'OrderParts', ADDRESS = '" + host2.address() + "';"
                + "CREATE ROUTE ExternalRoute WITH ADDRESS = '" + forwarding.address() + "';");

        ConversationHandle parts = begin("OrderParts", "parts");
        ConversationHandle far = begin("Far", "far");
        ConversationHandle svc = begin("Svc", "svc");
        awaitNoTransmissionRows(aw, parts);
        assertThat(host2.bodies()).containsExactly("parts");
        awaitNoTransmissionRows(aw, svc);
        assertThat(receiveNow(db2, "SvcQ")).extracting(m -> text(m.body())).containsExactly("svc");
        assertThat(queueRows(db2, "OrderPartsQ")).isEmpty();

        forwarding.awaitReceived(1);
        assertThat(forwarding.received()).extracting(r -> r.frame().envelope().toService()).containsOnly("Far");
        assertThat(transmissionRows(aw, far)).singleElement().satisfies(r -> assertThat(r.get(TQ_STATUS)).isEmpty());
        forwarding.releaseAcks();
        awaitNoTransmissionRows(aw, far);
        assertThat(farBroker(far)).isEqualTo(forwarding.broker.toString());
    }

    /**
     * T-13's mid-dialog variant, R-ROUTE-39: x acknowledges message 0, then R expires; message 1 is
     * not sent to x but DELAYED with the 9793 text.
     */
    @Test
    void t13_routeExpiringAfterTheFirstAckDelaysTheNextMessage() throws Exception {
        ScriptedPeer x = peer("x", UUID.randomUUID(), ScriptedPeer.Answer.ACK);
        aw.execute("CREATE ROUTE R WITH SERVICE_NAME = 'Svc', ADDRESS = '" + x.address() + "';");
        ConversationHandle h = begin("Svc", "m0");
        awaitNoTransmissionRows(aw, h);
        aw.execute("ALTER ROUTE R WITH LIFETIME = 0;");
        send(aw, h, "m1");
        await("message 1 to show the 9793 text", () -> transmissionRows(aw, h).stream()
                .anyMatch(r -> r.get(TQ_STATUS).equals(NO_ROUTE_9793)));
        Thread.sleep(NetworkNodes.RETRY.delayAfter(2).toMillis());
        assertThat(x.bodies()).containsExactly("m0");
    }

    /**
     * T-15: with no routes in msdb, a peer's message naming DB2's broker id is delivered through the
     * implicit LOCAL route of step 6; without a broker id it matches nothing and is dropped; and a
     * reply from the target of a dialog AW began reaches ClientQ without any route (R-ROUTE-11).
     */
    @Test
    void t15_brokerIdFindsItsBrokerWithoutRoutesAndRepliesNeedNone() throws Exception {
        host(db2, "Svc");
        i1.nodeBroker().execute("DROP ROUTE AutoCreatedLocal;");
        ScriptedPeer peer = peer("peer", UUID.randomUUID(), ScriptedPeer.Answer.ACK);
        aw.execute("CREATE ROUTE ToFar WITH SERVICE_NAME = 'Far', ADDRESS = '" + peer.address() + "';");

        MessageFrame withoutId = peer.message(UUID.randomUUID(), true, 0, "Far", "Svc", null, "without id");
        MessageFrame withId = peer.message(UUID.randomUUID(), true, 0, "Far", "Svc", db2.brokerInstanceId(), "with id");
        peer.send(port, withoutId);
        peer.send(port, withId);
        assertThat(receive(db2, "SvcQ")).extracting(m -> text(m.body())).containsExactly("with id");
        await("the ack of the message with DB2's id", () -> !peer.answersFor(withId.key()).isEmpty());

        ConversationHandle h = begin("Far", "question");
        peer.awaitReceived(1);
        MessageFrame question = peer.received().get(0).frame();
        MessageFrame reply = peer.message(question.key().conversationId(), false, 0, "Far", "Client",
                aw.brokerInstanceId(), "reply");
        peer.send(port, reply);
        assertThat(receive(aw, "ClientQ")).singleElement().satisfies(m -> {
            assertThat(m.conversationHandle()).isEqualTo(h);
            assertThat(text(m.body())).isEqualTo("reply");
        });
        await("the ack of the reply", () -> !peer.answersFor(reply.key()).isEmpty());
        Thread.sleep(NO_ACK_WAIT.toMillis());
        assertThat(peer.answersFor(withoutId.key())).as("answers to the message without broker id").isEmpty();
        assertThat(receiveNow(db2, "SvcQ")).isEmpty();
    }

    /** T-17, R-ROUTE-6: a TRANSPORT route sends to the address the service name starts with. */
    @Test
    void t17_transportRouteSendsToTheAddressInTheServiceName() {
        ScriptedPeer peer = peer("transport", UUID.randomUUID(), ScriptedPeer.Answer.ACK);
        aw.execute("CREATE ROUTE TransportRoute WITH ADDRESS = 'TRANSPORT';");
        String service = peer.address() + "/Orders";
        ConversationHandle h = begin(service, "order");
        awaitNoTransmissionRows(aw, h);
        assertThat(peer.received()).singleElement()
                .satisfies(r -> assertThat(r.frame().envelope().toService()).isEqualTo(service));
    }

    /**
     * T-19, R-ROUTE-27: the first ack binds the dialog to the acking peer's broker id; routing then
     * starts at step 1, so an altered route's new address is used, and once that route is dropped the
     * other broker's route no longer matches: DELAYED 9793 until a route for the service alone exists.
     */
    @Test
    void t19_theFirstAckBindsTheDialogAndLaterMessagesFollowTheBinding() throws Exception {
        UUID g1 = UUID.randomUUID();
        UUID g2 = UUID.randomUUID();
        ScriptedPeer b1 = peer("b1", g1, ScriptedPeer.Answer.HOLD);
        ScriptedPeer b2 = peer("b2", g2, ScriptedPeer.Answer.HOLD);
        aw.execute("CREATE ROUTE RA WITH SERVICE_NAME = 'Svc', BROKER_INSTANCE = '" + g1 + "', ADDRESS = '" + b1.address() + "';"
                + "CREATE ROUTE RB WITH SERVICE_NAME = 'Svc', BROKER_INSTANCE = '" + g2 + "', ADDRESS = '" + b2.address() + "';");
        ConversationHandle h = begin("Svc", "m0");
        await("message 0 at b1 or b2", () -> b1.received().size() + b2.received().size() > 0);
        assertThat(endpointRow(aw, h)).hasValueSatisfying(r -> assertThat(r.get(10)).isNull());
        ScriptedPeer chosen = b1.received().isEmpty() ? b2 : b1;
        ScriptedPeer other = chosen == b1 ? b2 : b1;
        String route = chosen == b1 ? "RA" : "RB";
        assertThat(chosen.received().get(0).frame().envelope().toBroker()).as("the step-3 pick travels as destination")
                .isEqualTo(chosen.broker);
        chosen.releaseAcks();
        awaitNoTransmissionRows(aw, h);
        assertThat(farBroker(h)).isEqualTo(chosen.broker.toString());

        ScriptedPeer moved = peer("b1b", chosen.broker, ScriptedPeer.Answer.ACK);
        aw.execute("ALTER ROUTE " + route + " WITH ADDRESS = '" + moved.address() + "';");
        send(aw, h, "m1");
        awaitNoTransmissionRows(aw, h);
        assertThat(moved.bodies()).containsExactly("m1");

        aw.execute("DROP ROUTE " + route + ";");
        send(aw, h, "m2");
        await("message 2 to show the 9793 text", () -> transmissionRows(aw, h).stream()
                .anyMatch(r -> r.get(TQ_STATUS).equals(NO_ROUTE_9793)));
        aw.execute("CREATE ROUTE ByName WITH SERVICE_NAME = 'Svc', ADDRESS = '" + chosen.address() + "';");
        awaitNoTransmissionRows(aw, h);
        // Message 0 came again with each retry while its ack was held back.
        assertThat(chosen.bodies()).containsOnly("m0", "m2").endsWith("m2");
        assertThat(other.received()).as("the step-3 pick holds for every attempt").isEmpty();
        assertThat(moved.bodies()).containsExactly("m1");
        assertThat(endpointRow(aw, h)).hasValueSatisfying(r -> assertThat(r.get(CE_HANDLE)).isEqualTo(h.toString()));
    }

    /**
     * T-21, R-PROTO-7: a replayed copy of an acknowledged, received message is dropped, acknowledged
     * again and logged; message 5 arriving before 3 and 4 is not stored but left unanswered, so its
     * sender resends it (Parley's decision against R-PROTO-8's status-2 rows, docs/dialogs.md); then
     * 3, 4 and 5 are received in order, each once, a second copy of 5 being a duplicate too.
     */
    @Test
    void t21_duplicatesAreDroppedAndAcknowledgedAgainAndGapsWaitForTheirResend() throws Exception {
        host(db2, "Tgt");
        ScriptedPeer sender = peer("aw", UUID.randomUUID(), ScriptedPeer.Answer.ACK);
        UUID dialog = UUID.randomUUID();
        List<MessageFrame> messages = new ArrayList<>();
        for (int n = 0; n <= 5; n++) {
            messages.add(sender.message(dialog, true, n, "Client", "Tgt", null, "m" + n));
        }
        for (int n = 0; n <= 2; n++) {
            MessageFrame message = messages.get(n);
            sender.send(port, message);
            await("the ack of message " + n, () -> !sender.answersFor(message.key()).isEmpty());
        }
        assertThat(receive(db2, "TgtQ")).extracting(m -> text(m.body())).containsExactly("m0", "m1", "m2");

        try (LogRecords log = LogRecords.of(Reception.class)) {
            sender.send(port, messages.get(1));
            await("a second ack of message 1", () -> sender.answersFor(messages.get(1).key()).size() == 2);
            assertThat(log.messages()).anySatisfy(line -> assertThat(line).contains(Reception.DUPLICATE));
        }
        assertThat(queueRows(db2, "TgtQ")).isEmpty();
        assertThat(db2.view("conversation_endpoints").rows()).singleElement()
                .satisfies(r -> assertThat(r.get(16)).isEqualTo("3"));

        sender.send(port, messages.get(5));
        Thread.sleep(NO_ACK_WAIT.toMillis());
        assertThat(sender.answersFor(messages.get(5).key())).as("answers to message 5 before 3 and 4").isEmpty();
        assertThat(queueRows(db2, "TgtQ")).isEmpty();
        for (int n : new int[] {3, 4, 5, 5}) {
            sender.send(port, messages.get(n));
        }
        await("acks of 3, 4 and both copies of 5", () -> sender.answersFor(messages.get(5).key()).size() == 2
                && sender.answersFor(messages.get(4).key()).size() == 1);
        assertThat(receive(db2, "TgtQ")).extracting(m -> text(m.body())).containsExactly("m3", "m4", "m5");
        assertThat(receiveNow(db2, "TgtQ")).isEmpty();
    }
}
