package io.parley.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.Broker;
import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.catalog.SystemObjects;
import io.parley.dialog.BeginDialog;
import io.parley.dialog.ConversationHandle;
import io.parley.dialog.Dialogs;
import io.parley.dialog.Receive;
import io.parley.dialog.ReceivedMessage;
import io.parley.store.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dialogs between two brokers of one node, carried by the node's transmitter (semantics §9, T-1). */
class NodeDeliveryTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String NO_ROUTE = "The target service name could not be found. Ensure that the service name is"
            + " specified correctly and/or the routing information has been supplied.";

    @TempDir
    Path dir;

    private Node node;
    private Broker aw;
    private Broker db2;

    @BeforeEach
    void setUp() {
        node = Node.open(NodeConfig.of("i1", dir, "AW", "DB2")
                .withRetry(new RetrySchedule(Duration.ofMillis(200), Duration.ofMillis(800))));
        aw = node.broker("AW");
        db2 = node.broker("DB2");
        aw.execute("CREATE QUEUE ClientQ; CREATE SERVICE Client ON QUEUE ClientQ;");
        db2.execute("CREATE QUEUE SvcQ; CREATE SERVICE Svc ON QUEUE SvcQ ([DEFAULT]);");
    }

    @AfterEach
    void tearDown() {
        node.close();
    }

    private ConversationHandle send(String to, String... bodies) {
        Dialogs dialogs = aw.dialogs();
        try (Transaction tx = dialogs.begin()) {
            ConversationHandle h = dialogs.beginDialog(tx, BeginDialog.from("Client").to(to));
            for (String body : bodies) {
                dialogs.send(tx, h, body.getBytes(StandardCharsets.UTF_8));
            }
            tx.commit();
            return h;
        }
    }

    private static List<ReceivedMessage> receive(Broker broker, String queue, int count) {
        Dialogs dialogs = broker.dialogs();
        List<ReceivedMessage> all = new ArrayList<>();
        try (Transaction tx = dialogs.begin()) {
            while (all.size() < count) {
                List<ReceivedMessage> batch = dialogs.receive(tx, Receive.from(queue).waitFor(PATIENCE));
                if (batch.isEmpty()) {
                    break;
                }
                all.addAll(batch);
            }
            tx.commit();
        }
        return all;
    }

    private static String text(ReceivedMessage m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }

    @Test
    void t1AMessageForAnotherBrokerOfTheNodeArrivesOnceAndTheRowGoesOnAcknowledgement() throws Exception {
        send("Svc", "\u0001");
        assertThat(receive(db2, "SvcQ", 1)).singleElement().satisfies(m -> {
            assertThat(m.messageSequenceNumber()).isZero();
            assertThat(m.body()).containsExactly(1);
        });
        awaitEmptyTransmissionQueue(aw);
        assertThat(aw.view("conversation_endpoints").rows()).singleElement()
                .satisfies(r -> assertThat(r.get(10)).isEqualTo(db2.brokerInstanceId().toString()));
    }

    @Test
    void r_conv_40_aDialogsMessagesCrossBrokersOnceAndInOrder() {
        String[] bodies = LongStream.range(0, 40).mapToObj(i -> "m" + i).toArray(String[]::new);
        send("Svc", bodies);
        List<ReceivedMessage> got = receive(db2, "SvcQ", 40);
        assertThat(got).extracting(NodeDeliveryTest::text).containsExactly(bodies);
        try (Transaction tx = db2.dialogs().begin()) {
            assertThat(db2.dialogs().receive(tx, Receive.from("SvcQ"))).isEmpty();
        }
    }

    @Test
    void repliesAndEndDialogGoBackAndCloseTheInitiator() throws Exception {
        ConversationHandle h = send("Svc", "question");
        ReceivedMessage question = receive(db2, "SvcQ", 1).get(0);
        Dialogs target = db2.dialogs();
        try (Transaction tx = target.begin()) {
            target.send(tx, question.conversationHandle(), "answer".getBytes(StandardCharsets.UTF_8));
            target.end(tx, question.conversationHandle());
            tx.commit();
        }
        List<ReceivedMessage> back = receive(aw, "ClientQ", 2);
        assertThat(back).extracting(ReceivedMessage::messageTypeName).containsExactly("DEFAULT", SystemObjects.END_DIALOG);
        assertThat(back).allSatisfy(m -> assertThat(m.conversationHandle()).isEqualTo(h));
        try (Transaction tx = aw.dialogs().begin()) {
            aw.dialogs().end(tx, h);
            tx.commit();
        }
        awaitEmptyTransmissionQueue(db2);
        assertThat(aw.view("conversation_endpoints").rows()).isEmpty();
        assertThat(db2.view("conversation_endpoints").rows()).singleElement()
                .satisfies(r -> assertThat(r.get(8)).isEqualTo("CLOSED"));
    }

    @Test
    void t1ADelayedMessageIsDeliveredAtARetryOnceItsServiceExists() throws Exception {
        send("Later", "waited");
        awaitStatus(aw, NO_ROUTE);
        db2.execute("CREATE QUEUE LaterQ; CREATE SERVICE Later ON QUEUE LaterQ ([DEFAULT]);");
        assertThat(receive(db2, "LaterQ", 1)).extracting(NodeDeliveryTest::text).containsExactly("waited");
        awaitEmptyTransmissionQueue(aw);
    }

    @Test
    void r_obj_19_aDisabledQueueInAnotherBrokerHoldsMessagesAtTheSenderUntilEnabled() throws Exception {
        db2.execute("ALTER QUEUE SvcQ WITH STATUS = OFF;");
        send("Svc", "held");
        awaitStatus(aw, "Target queue is disabled.");
        db2.execute("ALTER QUEUE SvcQ WITH STATUS = ON;");
        assertThat(receive(db2, "SvcQ", 1)).extracting(NodeDeliveryTest::text).containsExactly("held");
    }

    private static void awaitStatus(Broker broker, String status) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (broker.view("transmission_queue").rows().stream().noneMatch(r -> status.equals(r.get(11)))) {
            assertThat(System.nanoTime()).as("transmission_status '" + status + "'").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void awaitEmptyTransmissionQueue(Broker broker) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!broker.view("transmission_queue").rows().isEmpty()) {
            assertThat(System.nanoTime()).as("an empty transmission queue").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
