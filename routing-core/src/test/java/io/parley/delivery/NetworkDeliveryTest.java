package io.parley.delivery;

import static io.parley.delivery.SingleNodeHarness.await;
import static io.parley.delivery.SingleNodeHarness.awaitNoTransmissionRows;
import static io.parley.delivery.SingleNodeHarness.endpointRow;
import static io.parley.delivery.SingleNodeHarness.host;
import static io.parley.delivery.SingleNodeHarness.receive;
import static io.parley.delivery.SingleNodeHarness.stateOf;
import static io.parley.delivery.SingleNodeHarness.text;
import static io.parley.delivery.SingleNodeHarness.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.Broker;
import io.parley.Node;
import io.parley.catalog.SystemObjects;
import io.parley.dialog.BeginDialog;
import io.parley.dialog.ConversationHandle;
import io.parley.dialog.Dialogs;
import io.parley.dialog.Receive;
import io.parley.dialog.ReceivedMessage;
import io.parley.store.Transaction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dialogs between two nodes over real sockets on 127.0.0.1: I1 hosts AW (service Client), I2 hosts
 * T (service Tgt), each with routes to the other's endpoint.
 */
class NetworkDeliveryTest {
    @TempDir
    Path dir;

    private Node i1;
    private Node i2;
    private Broker aw;
    private Broker t;

    @BeforeEach
    void setUp() {
        int port1 = FreePorts.pick();
        int port2 = FreePorts.pick();
        i1 = NetworkNodes.open(dir, "i1", "AW");
        i2 = NetworkNodes.open(dir, "i2", "T");
        aw = i1.broker("AW");
        t = i2.broker("T");
        aw.execute("CREATE QUEUE ClientQ; CREATE SERVICE Client ON QUEUE ClientQ ([DEFAULT]);"
                + "CREATE ROUTE ToTgt WITH SERVICE_NAME = 'Tgt', ADDRESS = '" + NetworkNodes.address(port2) + "';");
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

    private ConversationHandle begin(String... bodies) {
        Dialogs dialogs = aw.dialogs();
        try (Transaction tx = dialogs.begin()) {
            ConversationHandle h = dialogs.beginDialog(tx, BeginDialog.from("Client").to("Tgt"));
            for (String body : bodies) {
                dialogs.send(tx, h, utf8(body));
            }
            tx.commit();
            return h;
        }
    }

    @Test
    void requestAndReplyCrossTwoNodesAndEndingClosesBothSides() {
        ConversationHandle h = begin("question");
        ReceivedMessage question = receive(t, "TgtQ").get(0);
        assertThat(text(question.body())).isEqualTo("question");
        awaitNoTransmissionRows(aw, h);
        // R-ROUTE-27: the acknowledgement bound the dialog to the broker that gave it.
        assertThat(endpointRow(aw, h)).hasValueSatisfying(r -> assertThat(r.get(10)).isEqualTo(t.brokerInstanceId().toString()));

        ConversationHandle target = question.conversationHandle();
        try (Transaction tx = t.dialogs().begin()) {
            t.dialogs().send(tx, target, utf8("answer"));
            t.dialogs().end(tx, target);
            tx.commit();
        }
        List<ReceivedMessage> back = new ArrayList<>();
        while (back.size() < 2) {
            back.addAll(receive(aw, "ClientQ"));
        }
        assertThat(back).extracting(ReceivedMessage::messageTypeName).containsExactly("DEFAULT", SystemObjects.END_DIALOG);
        assertThat(text(back.get(0).body())).isEqualTo("answer");
        assertThat(back.get(0).messageSequenceNumber()).isZero();

        SingleNodeHarness.end(aw, h);
        await("the initiator's EndDialog to be acknowledged", () -> endpointRow(aw, h).isEmpty());
        assertThat(stateOf(t, target)).isEqualTo("CLOSED");
        awaitNoTransmissionRows(t, target);
    }

    @Test
    void r_conv_40_manyDialogsArriveExactlyOnceAndInOrder() throws Exception {
        int dialogs = 24;
        int perDialog = 15;
        ExecutorService senders = Executors.newFixedThreadPool(3);
        List<Future<ConversationHandle>> begun = new ArrayList<>();
        for (int d = 0; d < dialogs; d++) {
            int dialog = d;
            begun.add(senders.submit(() -> {
                ConversationHandle h = begin("d" + dialog + "-0");
                for (int n = 1; n < perDialog; n++) {
                    SingleNodeHarness.send(aw, h, "d" + dialog + "-" + n);
                }
                return h;
            }));
        }
        for (Future<ConversationHandle> f : begun) {
            f.get();
        }
        senders.shutdown();

        Map<String, List<Integer>> received = new HashMap<>();
        int total = 0;
        Dialogs dialogsOfT = t.dialogs();
        while (total < dialogs * perDialog) {
            try (Transaction tx = dialogsOfT.begin()) {
                List<ReceivedMessage> batch = dialogsOfT.receive(tx, Receive.from("TgtQ").waitFor(Duration.ofSeconds(30)));
                tx.commit();
                assertThat(batch).as("messages still missing after %d", total).isNotEmpty();
                for (ReceivedMessage m : batch) {
                    String body = text(m.body());
                    received.computeIfAbsent(body.substring(0, body.indexOf('-')), k -> new ArrayList<>())
                            .add(Integer.parseInt(body.substring(body.indexOf('-') + 1)));
                    total++;
                }
            }
        }
        assertThat(received).hasSize(dialogs);
        List<Integer> inOrder = java.util.stream.IntStream.range(0, perDialog).boxed().toList();
        received.forEach((dialog, numbers) -> assertThat(numbers).as("dialog %s", dialog).isEqualTo(inOrder));
        try (Transaction tx = dialogsOfT.begin()) {
            assertThat(dialogsOfT.receive(tx, Receive.from("TgtQ").waitFor(Duration.ofMillis(500)))).isEmpty();
        }
        await("AW's transmission queue to empty", () -> aw.view("transmission_queue").rows().isEmpty());
    }
}
