package io.parley.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.Broker;
import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.store.Transaction;
import io.parley.store.ViewRows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery counts and automatic poison message detection (R-CONV-28, R-ERR-9, R-ERR-10) on real Derby. */
class PoisonMessageTest {
    private static final String SETUP = """
            CREATE QUEUE ClientQ;
            CREATE QUEUE TgtQ;
            CREATE SERVICE Client ON QUEUE ClientQ;
            CREATE SERVICE Tgt ON QUEUE TgtQ ([DEFAULT]);
            """;

    @TempDir
    Path dir;

    private Node node;
    private Broker aw;
    private Dialogs dialogs;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        node = Node.open(NodeConfig.of("i1", dir, "AW"));
        aw = node.broker("AW");
        aw.execute(SETUP);
        dialogs = aw.dialogs();
        dialogs.addQueueListener(new QueueListener() {
            @Override
            public void queueDisabled(String queue, int rollbacks) {
                events.add("disabled " + queue + " after " + rollbacks);
            }

            @Override
            public void messageDeadLettered(String queue, String deadLetterQueue, UUID messageId, int deliveryCount) {
                events.add("dead-lettered from " + queue + " to " + deadLetterQueue + " after " + deliveryCount);
            }
        });
    }

    @AfterEach
    void tearDown() {
        node.close();
    }

    private void send(String body) {
        try (Transaction tx = dialogs.begin()) {
            ConversationHandle h = dialogs.beginDialog(tx, BeginDialog.from("Client").to("Tgt"));
            dialogs.send(tx, h, body.getBytes(StandardCharsets.UTF_8));
            tx.commit();
        }
    }

    /** A RECEIVE whose transaction then fails: what it got, before the rollback. */
    private List<ReceivedMessage> receiveAndRollBack() {
        try (Transaction tx = dialogs.begin()) {
            List<ReceivedMessage> got = dialogs.receive(tx, Receive.from("TgtQ").top(1));
            assertThat(got).hasSize(1);
            tx.rollback();
            return got;
        }
    }

    private List<ReceivedMessage> receiveAndCommit() {
        try (Transaction tx = dialogs.begin()) {
            List<ReceivedMessage> got = dialogs.receive(tx, Receive.from("TgtQ").top(1));
            tx.commit();
            return got;
        }
    }

    private List<String> serviceQueue(String name) {
        ViewRows view = aw.view("service_queues");
        return view.rows().stream().filter(r -> r.get(0).equals(name)).findFirst().orElseThrow();
    }

    private static String column(ViewRows view, List<String> row, String column) {
        return row.get(view.columns().indexOf(column));
    }

    @Test
    void r_conv_28_eachRolledBackReceiveCountsOneDeliveryAndReceiveReportsIt() {
        send("flaky");

        for (int delivery = 0; delivery < 3; delivery++) {
            assertThat(receiveAndRollBack()).singleElement().extracting(ReceivedMessage::deliveryCount).isEqualTo(delivery);
        }

        ViewRows view = aw.view("queue_messages");
        assertThat(view.rows()).singleElement().satisfies(r -> assertThat(column(view, r, "delivery_count")).isEqualTo("3"));
        assertThat(receiveAndCommit()).singleElement().satisfies(m -> {
            assertThat(m.deliveryCount()).isEqualTo(3);
            assertThat(m.deadLetter()).isNull();
        });
        assertThat(aw.view("queue_messages").rows()).isEmpty();
    }

    @Test
    void r_conv_28_aTransactionCountsOnceForEachMessageItTook() {
        send("a");
        send("b");
        try (Transaction tx = dialogs.begin()) {
            assertThat(dialogs.receive(tx, Receive.from("TgtQ"))).hasSize(1);
            assertThat(dialogs.receive(tx, Receive.from("TgtQ"))).hasSize(1);
            tx.rollback();
        }

        ViewRows view = aw.view("queue_messages");
        assertThat(view.rows()).extracting(r -> column(view, r, "delivery_count")).containsExactly("1", "1");
    }

    @Test
    void r_err_9_fiveRollbacksInARowDisableTheQueue() {
        send("poison");

        for (int i = 0; i < PoisonDetector.ROLLBACKS_TO_DISABLE; i++) {
            receiveAndRollBack();
        }

        assertThat(events).containsExactly("disabled TgtQ after 5");
        assertThat(aw.catalog().queue("TgtQ").orElseThrow().enabled()).isFalse();
        ViewRows view = aw.view("service_queues");
        List<String> row = serviceQueue("TgtQ");
        assertThat(column(view, row, "is_receive_enabled")).isEqualTo("0");
        assertThat(column(view, row, "is_enqueue_enabled")).isEqualTo("0");
        try (Transaction tx = dialogs.begin()) {
            assertThatThrownBy(() -> dialogs.receive(tx, Receive.from("TgtQ")))
                    .isInstanceOf(DialogException.class)
                    .hasMessage("the service queue 'TgtQ' is currently disabled (error 9617)");
        }
        assertThat(events).hasSize(1);
    }

    @Test
    void r_err_10_anAdministratorEnablesTheQueueAgainAndTheCountStartsOver() {
        send("poison");
        for (int i = 0; i < PoisonDetector.ROLLBACKS_TO_DISABLE; i++) {
            receiveAndRollBack();
        }

        aw.execute("ALTER QUEUE TgtQ WITH STATUS = ON");
        for (int i = 0; i < PoisonDetector.ROLLBACKS_TO_DISABLE - 1; i++) {
            receiveAndRollBack();
        }

        assertThat(aw.catalog().queue("TgtQ").orElseThrow().enabled()).isTrue();
        assertThat(receiveAndCommit()).singleElement().extracting(ReceivedMessage::deliveryCount).isEqualTo(9);
        assertThat(events).containsExactly("disabled TgtQ after 5");
    }

    @Test
    void r_err_9_aCommitBetweenRollbacksStartsTheCountAgain() {
        send("first");
        send("second");

        for (int i = 0; i < 4; i++) {
            receiveAndRollBack();
        }
        assertThat(receiveAndCommit()).hasSize(1);
        for (int i = 0; i < 4; i++) {
            receiveAndRollBack();
        }

        assertThat(aw.catalog().queue("TgtQ").orElseThrow().enabled()).isTrue();
        assertThat(events).isEmpty();
        receiveAndRollBack();
        assertThat(events).containsExactly("disabled TgtQ after 5");
    }

    @Test
    void r_err_9_aTransactionThatReceivedNothingDoesNotCount() {
        send("poison");
        for (int i = 0; i < 4; i++) {
            receiveAndRollBack();
        }

        try (Transaction holder = dialogs.begin()) {
            assertThat(dialogs.receive(holder, Receive.from("TgtQ"))).hasSize(1);
            for (int i = 0; i < 3; i++) {
                try (Transaction empty = dialogs.begin()) {
                    assertThat(dialogs.receive(empty, Receive.from("TgtQ"))).isEmpty();
                    empty.rollback();
                }
            }
            assertThat(events).isEmpty();
            holder.rollback();
        }

        assertThat(events).containsExactly("disabled TgtQ after 5");
    }

    @Test
    void r_err_9_disablesAQueueWhoseNameNeedsBrackets() {
        aw.execute("CREATE QUEUE [Odd]]Q]; ALTER SERVICE Tgt ON QUEUE [Odd]]Q]");
        send("poison");

        for (int i = 0; i < PoisonDetector.ROLLBACKS_TO_DISABLE; i++) {
            try (Transaction tx = dialogs.begin()) {
                assertThat(dialogs.receive(tx, Receive.from("Odd]Q"))).hasSize(1);
                tx.rollback();
            }
        }

        assertThat(events).containsExactly("disabled Odd]Q after 5");
        assertThat(aw.catalog().queue("Odd]Q").orElseThrow().enabled()).isFalse();
    }

    @Test
    void r_err_9_withPoisonMessageHandlingOffTheQueueIsNeverDisabled() {
        aw.execute("ALTER QUEUE TgtQ WITH POISON_MESSAGE_HANDLING (STATUS = OFF)");
        send("poison");

        for (int i = 0; i < 3 * PoisonDetector.ROLLBACKS_TO_DISABLE; i++) {
            receiveAndRollBack();
        }

        assertThat(aw.catalog().queue("TgtQ").orElseThrow().enabled()).isTrue();
        assertThat(column(aw.view("service_queues"), serviceQueue("TgtQ"), "is_receive_enabled")).isEqualTo("1");
        assertThat(events).isEmpty();
        assertThat(receiveAndCommit()).singleElement().extracting(ReceivedMessage::deliveryCount).isEqualTo(15);
    }

    @Test
    void r_err_9_aRollbackThatDeadLettersTheMessageEndsTheRun() {
        aw.execute("CREATE QUEUE DeadQ; ALTER QUEUE TgtQ WITH DEAD_LETTER (MAX_DELIVERIES = 3, QUEUE = DeadQ)");
        send("poison one");
        send("poison two");
        for (int i = 0; i < 3; i++) {
            receiveAndRollBack();
        }
        assertThat(events).containsExactly("dead-lettered from TgtQ to DeadQ after 3");

        aw.execute("ALTER QUEUE TgtQ WITH DEAD_LETTER (DROP)");
        for (int i = 0; i < 4; i++) {
            receiveAndRollBack();
        }

        assertThat(aw.catalog().queue("TgtQ").orElseThrow().enabled()).isTrue();
        receiveAndRollBack();
        assertThat(events).containsExactly("dead-lettered from TgtQ to DeadQ after 3", "disabled TgtQ after 5");
    }
}
