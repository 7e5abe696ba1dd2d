package io.parley.delivery;

import static io.parley.delivery.SingleNodeHarness.CE_STATE_DESC;
import static io.parley.delivery.SingleNodeHarness.TQ_IS_ERROR;
import static io.parley.delivery.SingleNodeHarness.TQ_STATUS;
import static io.parley.delivery.SingleNodeHarness.TQ_TYPE;
import static io.parley.delivery.SingleNodeHarness.assertSendFails;
import static io.parley.delivery.SingleNodeHarness.await;
import static io.parley.delivery.SingleNodeHarness.awaitNoTransmissionRows;
import static io.parley.delivery.SingleNodeHarness.end;
import static io.parley.delivery.SingleNodeHarness.endWithError;
import static io.parley.delivery.SingleNodeHarness.endpointRow;
import static io.parley.delivery.SingleNodeHarness.host;
import static io.parley.delivery.SingleNodeHarness.queueRows;
import static io.parley.delivery.SingleNodeHarness.receive;
import static io.parley.delivery.SingleNodeHarness.receiveNow;
import static io.parley.delivery.SingleNodeHarness.send;
import static io.parley.delivery.SingleNodeHarness.stateOf;
import static io.parley.delivery.SingleNodeHarness.text;
import static io.parley.delivery.SingleNodeHarness.transmissionRows;
import static io.parley.delivery.SingleNodeHarness.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.Broker;
import io.parley.Node;
import io.parley.catalog.SystemObjects;
import io.parley.dialog.BeginDialog;
import io.parley.dialog.ConversationHandle;
import io.parley.dialog.ReceivedMessage;
import io.parley.store.Transaction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The §9 scenarios between two real nodes on 127.0.0.1: I1 hosts AW (initiator service Client on
 * ClientQ), I2 hosts T (service Tgt on TgtQ), each with a route to the other; the retry schedule is
 * scaled to b = 250 ms ({@link NetworkNodes#RETRY}). Covered: T-8, T-20, T-22 and T-23.
 */
class TwoNodeScenariosTest {
    private static final String ERROR_XML = "<?xml version=\"1.0\"?><Error xmlns=\"http://schemas.microsoft.com/SQL/ServiceBroker/Error\">";
    private static final Duration B = NetworkNodes.RETRY.base();

    @TempDir
    Path dir;

    private Node i1;
    private Node i2;
    private Broker aw;
    private Broker t;
    private int port1;
    private int port2;

    @BeforeEach
    void setUp() {
        port1 = FreePorts.pick();
        port2 = FreePorts.pick();
        i1 = NetworkNodes.open(dir, "i1", "AW");
        i2 = NetworkNodes.open(dir, "i2", "T");
        aw = i1.broker("AW");
        t = i2.broker("T");
        aw.execute("CREATE QUEUE ClientQ; CREATE SERVICE Client ON QUEUE ClientQ ([DEFAULT]);");
        host(t, "Tgt");
        t.execute("CREATE ROUTE ToClient WITH SERVICE_NAME = 'Client', ADDRESS = '" + NetworkNodes.address(port1) + "';");
        NetworkNodes.listen(i1, port1);
        NetworkNodes.listen(i2, port2);
    }

    @AfterEach
    void tearDown() {
        i1.close();
        i2.close();
    }

    private void routeTgtTo(int port) {
        aw.execute("CREATE ROUTE ToTgt WITH SERVICE_NAME = 'Tgt', ADDRESS = '" + NetworkNodes.address(port) + "';");
    }

    private ConversationHandle begin(BeginDialog request, String... bodies) {
        try (Transaction tx = aw.dialogs().begin()) {
            ConversationHandle h = aw.dialogs().beginDialog(tx, request);
            for (String body : bodies) {
                aw.dialogs().send(tx, h, utf8(body));
            }
            tx.commit();
            return h;
        }
    }

    private ConversationHandle begin(String... bodies) {
        return begin(BeginDialog.from("Client").to("Tgt"), bodies);
    }

    /**
     * T-8, R-PROTO-13/14: the first three ACKs from I2 are lost on the way back, so I2 receives M at
     * t0 and at retries 1 to 3, no earlier than b, 2b and 4b after the previous attempt; TgtQ holds
     * M once, each arrival is acknowledged, AW's row goes with the fourth ACK and no retry 4 follows.
     */
    @Test
    void t8_lostAcknowledgementsCauseResendsThatTheTargetDropsAndAcknowledgesAgain() throws Exception {
        try (FrameProxy proxy = new FrameProxy(port2)) {
            routeTgtTo(proxy.port);
            proxy.dropAcks(3);
            ConversationHandle h = begin("M");
            awaitNoTransmissionRows(aw, h);
            List<Instant> attempts = proxy.messagesPassed();
            assertThat(attempts).hasSize(4);
            assertThat(proxy.acksDropped()).isEqualTo(3);
            Duration slack = Duration.ofMillis(50);
            for (int retry = 1; retry <= 3; retry++) {
                Duration gap = Duration.between(attempts.get(retry - 1), attempts.get(retry));
                assertThat(gap).as("gap before retry %d", retry).isGreaterThanOrEqualTo(NetworkNodes.RETRY.delayAfter(retry).minus(slack));
            }
            assertThat(receive(t, "TgtQ")).extracting(m -> text(m.body())).containsExactly("M");
            Thread.sleep(B.multipliedBy(10).toMillis());
            assertThat(proxy.messagesPassed()).as("no retry 4").hasSize(4);
            assertThat(receiveNow(t, "TgtQ")).isEmpty();
        }
    }

    /**
     * T-20, R-CONV-7: while I2's endpoint is STOPPED, AW's row stays with the 9754 status and is
     * retried, and ClientQ gets no Error; once the endpoint is STARTED a retry delivers M once.
     */
    @Test
    void t20_messageWaitsWhileTheTargetsEndpointIsStoppedAndGoesOnceStarted() throws Exception {
        routeTgtTo(port2);
        NetworkNodes.stop(i2);
        ConversationHandle h = begin("M");
        await("the connect failure status", () -> transmissionRows(aw, h).stream()
                .anyMatch(r -> r.get(TQ_STATUS).startsWith("Connection attempt failed with error:")));
        Thread.sleep(NetworkNodes.RETRY.delayAfter(1).plus(NetworkNodes.RETRY.delayAfter(2)).toMillis());
        assertThat(transmissionRows(aw, h)).singleElement()
                .satisfies(r -> assertThat(r.get(TQ_STATUS)).startsWith("Connection attempt failed with error: '")
                        .contains("route 'ToTgt'").contains(NetworkNodes.address(port2)));
        assertThat(receiveNow(aw, "ClientQ")).as("an unreachable service is not an error").isEmpty();

        NetworkNodes.start(i2, port2);
        assertThat(receive(t, "TgtQ")).extracting(m -> text(m.body())).containsExactly("M");
        awaitNoTransmissionRows(aw, h);
        assertThat(receiveNow(t, "TgtQ")).isEmpty();
    }

    /**
     * T-22, R-CONV-19: END WITH ERROR while I2 is stopped leaves only the Error in AW's transmission
     * queue; once I2 listens again Tgt receives the Error (Code 42, 'bad order') and none of m1-m3,
     * AW's endpoint closes on the acknowledgement, and Tgt's END sends nothing back.
     */
    @Test
    void t22_endWithErrorAcrossNodesDeliversOnlyTheError() {
        routeTgtTo(port2);
        ConversationHandle h = begin("m0");
        ReceivedMessage first = receive(t, "TgtQ").get(0);
        ConversationHandle target = first.conversationHandle();
        awaitNoTransmissionRows(aw, h);
        NetworkNodes.stop(i2);
        send(aw, h, "m1", "m2", "m3");
        assertThat(transmissionRows(aw, h)).hasSize(3);

        endWithError(aw, h, 42, "bad order");
        assertThat(transmissionRows(aw, h)).singleElement().satisfies(r -> {
            assertThat(r.get(TQ_TYPE)).isEqualTo(SystemObjects.ERROR);
            assertThat(r.get(TQ_IS_ERROR)).isEqualTo("1");
        });
        assertThat(stateOf(aw, h)).isEqualTo("DISCONNECTED_OUTBOUND");
        assertSendFails(aw, h, 8429);

        NetworkNodes.start(i2, port2);
        assertThat(receive(t, "TgtQ")).singleElement().satisfies(m -> {
            assertThat(m.conversationHandle()).isEqualTo(target);
            assertThat(m.messageTypeName()).isEqualTo(SystemObjects.ERROR);
            assertThat(text(m.body())).isEqualTo(ERROR_XML + "<Code>42</Code><Description>bad order</Description></Error>");
        });
        assertThat(stateOf(t, target)).isEqualTo("ERROR");
        assertSendFails(t, target, 8429);
        await("AW's endpoint to close on the acknowledgement of the Error", () -> endpointRow(aw, h).isEmpty());
        assertThat(transmissionRows(aw, h)).isEmpty();
        assertThat(queueRows(t, "TgtQ")).as("none of m1-m3").isEmpty();

        end(t, target);
        assertThat(transmissionRows(t, target)).isEmpty();
        assertThat(receiveNow(aw, "ClientQ")).isEmpty();
    }

    /**
     * T-23, R-CONV-12: when the lifetime passes, each side's own broker puts -8489 on its queue and
     * both endpoints go to ER, without traffic between the nodes; SEND then fails on both with 8429.
     */
    @Test
    void t23_lifetimeExpiresOnBothNodesIndependently() {
        routeTgtTo(port2);
        ConversationHandle h = begin(BeginDialog.from("Client").to("Tgt").lifetime(Duration.ofSeconds(3)), "m0");
        ReceivedMessage first = receive(t, "TgtQ").get(0);
        ConversationHandle target = first.conversationHandle();
        awaitNoTransmissionRows(aw, h);
        NetworkNodes.stop(i2);
        NetworkNodes.stop(i1);

        assertLifetimeError(receive(aw, "ClientQ"));
        assertLifetimeError(receive(t, "TgtQ"));
        assertThat(endpointRow(aw, h)).hasValueSatisfying(r -> assertThat(r.get(CE_STATE_DESC)).isEqualTo("ERROR"));
        assertThat(stateOf(t, target)).isEqualTo("ERROR");
        assertSendFails(aw, h, 8429);
        assertSendFails(t, target, 8429);
    }

    /**
     * T-23's variant: I2 never acknowledges (its endpoint is STOPPED throughout); at the lifetime
     * AW gets -8489, its row stays and is no longer retransmitted even once I2 listens, and END
     * deletes the row without sending anything.
     */
    @Test
    void t23_unacknowledgedRowStaysAfterTheLifetimeAndEndDeletesIt() throws Exception {
        routeTgtTo(port2);
        NetworkNodes.stop(i2);
        ConversationHandle h = begin(BeginDialog.from("Client").to("Tgt").lifetime(Duration.ofSeconds(2)), "m0");
        assertLifetimeError(receive(aw, "ClientQ"));
        NetworkNodes.start(i2, port2);
        Thread.sleep(NetworkNodes.RETRY.cap().multipliedBy(2).toMillis());
        assertThat(transmissionRows(aw, h)).hasSize(1);
        assertThat(queueRows(t, "TgtQ")).isEmpty();

        end(aw, h);
        assertThat(transmissionRows(aw, h)).isEmpty();
        Thread.sleep(B.multipliedBy(4).toMillis());
        assertThat(queueRows(t, "TgtQ")).isEmpty();
    }

    private static void assertLifetimeError(List<ReceivedMessage> got) {
        assertThat(got).singleElement().satisfies(m -> {
            assertThat(m.messageTypeName()).isEqualTo(SystemObjects.ERROR);
            assertThat(text(m.body())).startsWith(ERROR_XML + "<Code>-8489</Code>");
        });
    }
}
