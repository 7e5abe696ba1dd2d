package io.parley.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.Broker;
import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.catalog.ServiceQueue.DeadLetterPolicy;
import io.parley.catalog.ddl.DdlException;
import io.parley.store.Transaction;
import io.parley.store.ViewRows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parley's dead-letter policy on real Derby: a message received and rolled back MAX_DELIVERIES times moves on. */
class DeadLetterTest {
    private static final String SETUP = """
            CREATE MESSAGE TYPE [//Order] VALIDATION = WELL_FORMED_XML;
            CREATE CONTRACT [//OrderContract] ([//Order] SENT BY INITIATOR);
            CREATE QUEUE ClientQ;
            CREATE QUEUE DeadQ;
            CREATE QUEUE TgtQ WITH DEAD_LETTER (MAX_DELIVERIES = 3, QUEUE = DeadQ);
            CREATE SERVICE Client ON QUEUE ClientQ;
            CREATE SERVICE Tgt ON QUEUE TgtQ ([//OrderContract]);
            """;

    @TempDir
    Path dir;

    private Node node;
    private Broker aw;
    private Dialogs dialogs;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        open();
        aw.execute(SETUP);
    }

    private void open() {
        node = Node.open(NodeConfig.of("i1", dir, "AW"));
        aw = node.broker("AW");
        dialogs = aw.dialogs();
        dialogs.addQueueListener(new QueueListener() {
            @Override
            public void messageDeadLettered(String queue, String deadLetterQueue, UUID messageId, int deliveryCount) {
                events.add(messageId + " from " + queue + " to " + deadLetterQueue + " after " + deliveryCount);
            }
        });
    }

    @AfterEach
    void tearDown() {
        node.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Begins a dialog from Client to Tgt and sends each body on it. */
    private ConversationHandle sendOnOneDialog(String... bodies) {
        try (Transaction tx = dialogs.begin()) {
            ConversationHandle h = dialogs.beginDialog(tx, BeginDialog.from("Client").to("Tgt").onContract("//OrderContract"));
            for (String body : bodies) {
                dialogs.send(tx, h, "//Order", bytes(body));
            }
            tx.commit();
            return h;
        }
    }

    private ReceivedMessage receiveFirstAndRollBack() {
        try (Transaction tx = dialogs.begin()) {
            List<ReceivedMessage> got = dialogs.receive(tx, Receive.from("TgtQ").top(1));
            assertThat(got).hasSize(1);
            tx.rollback();
            return got.get(0);
        }
    }

    private List<ReceivedMessage> receiveAll(String queue) {
        try (Transaction tx = dialogs.begin()) {
            List<ReceivedMessage> all = new ArrayList<>();
            for (List<ReceivedMessage> batch = dialogs.receive(tx, Receive.from(queue)); !batch.isEmpty();
                 batch = dialogs.receive(tx, Receive.from(queue))) {
                all.addAll(batch);
            }
            tx.commit();
            return all;
        }
    }

    private static String text(ReceivedMessage m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }

    private static String column(ViewRows view, List<String> row, String column) {
        return row.get(view.columns().indexOf(column));
    }

    @Test
    void aMessageRolledBackMaxDeliveriesTimesIsReceivedOnceFromTheDeadLetterQueueWithWhatAReaderNeeds() {
        sendOnOneDialog("<bad/>", "<good/>");
        ReceivedMessage original = null;
        for (int i = 0; i < 3; i++) {
            original = receiveFirstAndRollBack();
            assertThat(text(original)).isEqualTo("<bad/>");
        }

        ViewRows view = aw.view("queue_messages");
        assertThat(view.rows()).hasSize(2).anySatisfy(r -> {
            assertThat(column(view, r, "queue_name")).isEqualTo("DeadQ");
            assertThat(column(view, r, "delivery_count")).isEqualTo("0");
            assertThat(column(view, r, "dead_letter_source")).isEqualTo("TgtQ");
            assertThat(column(view, r, "dead_letter_deliveries")).isEqualTo("3");
        });
        assertThat(receiveAll("TgtQ")).singleElement().satisfies(m -> assertThat(text(m)).isEqualTo("<good/>"));
        ReceivedMessage bad = original;
        assertThat(receiveAll("DeadQ")).singleElement().satisfies(m -> {
            assertThat(m.deadLetter()).isEqualTo(new ReceivedMessage.DeadLetter("TgtQ", 3));
            assertThat(m.deliveryCount()).isZero();
            assertThat(m.status()).isEqualTo(1);
            assertThat(m.messageId()).isEqualTo(bad.messageId());
            assertThat(m.conversationHandle()).isEqualTo(bad.conversationHandle());
            assertThat(m.conversationGroupId()).isEqualTo(bad.conversationGroupId());
            assertThat(m.messageSequenceNumber()).isZero();
            assertThat(m.serviceName()).isEqualTo("Tgt");
            assertThat(m.serviceContractName()).isEqualTo("//OrderContract");
            assertThat(m.messageTypeName()).isEqualTo("//Order");
            assertThat(text(m)).isEqualTo("<bad/>");
        });
        assertThat(receiveAll("DeadQ")).isEmpty();
        assertThat(events).containsExactly(bad.messageId() + " from TgtQ to DeadQ after 3");
    }

    @Test
    void theDeadLetterQueueCountsItsOwnDeliveries() {
        sendOnOneDialog("<bad/>");
        for (int i = 0; i < 3; i++) {
            receiveFirstAndRollBack();
        }

        try (Transaction tx = dialogs.begin()) {
            assertThat(dialogs.receive(tx, Receive.from("DeadQ"))).singleElement()
                    .extracting(ReceivedMessage::deliveryCount).isEqualTo(0);
            tx.rollback();
        }

        assertThat(receiveAll("DeadQ")).singleElement().satisfies(m -> {
            assertThat(m.deliveryCount()).isEqualTo(1);
            assertThat(m.deadLetter()).isEqualTo(new ReceivedMessage.DeadLetter("TgtQ", 3));
        });
    }

    @Test
    void r_err_10_aDeadLetterOutlivesTheEndOfItsConversationAndItsReaderCanEndTheDialogWithAnError() {
        ConversationHandle initiator = sendOnOneDialog("<bad/>", "<good/>");
        for (int i = 0; i < 3; i++) {
            receiveFirstAndRollBack();
        }
        try (Transaction tx = dialogs.begin()) {
            ReceivedMessage dead = dialogs.receive(tx, Receive.from("DeadQ")).get(0);
            dialogs.endWithError(tx, dead.conversationHandle(), 50001, "order could not be processed");
            tx.commit();
        }

        assertThat(receiveAll("TgtQ")).isEmpty();
        assertThat(receiveAll("ClientQ")).singleElement().satisfies(m -> {
            assertThat(m.conversationHandle()).isEqualTo(initiator);
            assertThat(m.isError()).isTrue();
            assertThat(text(m)).contains("<Code>50001</Code>");
        });

        ConversationHandle next = sendOnOneDialog("<badAgain/>");
        for (int i = 0; i < 3; i++) {
            receiveFirstAndRollBack();
        }
        try (Transaction tx = dialogs.begin()) {
            dialogs.end(tx, next);
            tx.commit();
        }
        try (Transaction tx = dialogs.begin()) {
            ReceivedMessage endDialog = dialogs.receive(tx, Receive.from("TgtQ")).get(0);
            assertThat(endDialog.isEndDialog()).isTrue();
            dialogs.end(tx, endDialog.conversationHandle());
            tx.commit();
        }
        assertThat(receiveAll("DeadQ")).singleElement().satisfies(m -> assertThat(text(m)).isEqualTo("<badAgain/>"));
    }

    @Test
    void thePolicyIsStoredAndShownInServiceQueues() {
        node.close();
        open();

        assertThat(aw.catalog().queue("TgtQ").orElseThrow().deadLetter()).isEqualTo(new DeadLetterPolicy(3, "DeadQ"));
        ViewRows view = aw.view("service_queues");
        assertThat(view.rows()).filteredOn(r -> r.get(0).equals("TgtQ")).singleElement().satisfies(r -> {
            assertThat(column(view, r, "max_deliveries")).isEqualTo("3");
            assertThat(column(view, r, "dead_letter_queue")).isEqualTo("DeadQ");
        });
        assertThat(view.rows()).filteredOn(r -> r.get(0).equals("DeadQ")).singleElement()
                .satisfies(r -> assertThat(column(view, r, "dead_letter_queue")).isNull());
        aw.execute("ALTER QUEUE TgtQ WITH DEAD_LETTER (DROP)");
        assertThat(aw.catalog().queue("TgtQ").orElseThrow().deadLetter()).isNull();
    }

    @Test
    void ddlRefusesAMissingDeadLetterQueueAndDroppingOneInUseAndStoresNothing() {
        assertThatThrownBy(() -> aw.execute("CREATE QUEUE q WITH DEAD_LETTER (MAX_DELIVERIES = 2, QUEUE = Nowhere)"))
                .isInstanceOf(DdlException.class)
                .hasMessage("line 1, column 1: queue 'q' names dead-letter queue 'Nowhere', which does not exist"
                        + " (error 15151)");
        assertThatThrownBy(() -> aw.execute("DROP QUEUE DeadQ"))
                .isInstanceOf(DdlException.class)
                .hasMessage("line 1, column 1: queue 'DeadQ' cannot be dropped: it is the dead-letter queue of queue 'TgtQ'");

        assertThat(aw.catalog().queue("q")).isEmpty();
        assertThat(aw.view("service_queues").rows()).extracting(r -> r.get(0)).contains("DeadQ").doesNotContain("q");
    }

    @Test
    void alterServiceOnQueueLeavesDeadLettersWhereTheyAre() {
        sendOnOneDialog("<bad/>");
        for (int i = 0; i < 3; i++) {
            receiveFirstAndRollBack();
        }

        aw.execute("CREATE QUEUE NewQ; ALTER SERVICE Tgt ON QUEUE NewQ");

        assertThat(receiveAll("NewQ")).isEmpty();
        assertThat(receiveAll("DeadQ")).singleElement().satisfies(m -> assertThat(text(m)).isEqualTo("<bad/>"));
    }
}
