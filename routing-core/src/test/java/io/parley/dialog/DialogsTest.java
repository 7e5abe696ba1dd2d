package io.parley.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.Broker;
import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.catalog.SystemObjects;
import io.parley.store.Transaction;
import io.parley.store.ViewRows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conversations inside one broker on real Derby: the statements of §2 and their errors. */
class DialogsTest {
    private static final String SETUP = """
            CREATE MESSAGE TYPE [//Order] VALIDATION = WELL_FORMED_XML;
            CREATE MESSAGE TYPE [//Reply] VALIDATION = VALID_JSON;
            CREATE MESSAGE TYPE [//Ping] VALIDATION = EMPTY;
            CREATE CONTRACT [//OrderContract] ([//Order] SENT BY INITIATOR, [//Reply] SENT BY TARGET, [//Ping] SENT BY ANY);
            CREATE QUEUE ClientQ;
            CREATE QUEUE TgtQ;
            CREATE SERVICE Client ON QUEUE ClientQ;
            CREATE SERVICE Tgt ON QUEUE TgtQ ([//OrderContract], [DEFAULT]);
            CREATE SERVICE OnlyDefault ON QUEUE TgtQ ([DEFAULT]);
            """;

    @TempDir
    Path dir;

    private Node node;
    private Broker aw;
    private Dialogs dialogs;

    @BeforeEach
    void setUp() {
        node = Node.open(NodeConfig.of("i1", dir, "AW"));
        aw = node.broker("AW");
        aw.execute(SETUP);
        dialogs = aw.dialogs();
    }

    @AfterEach
    void tearDown() {
        node.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private ConversationHandle beginAndSend(String to, String contract, String type, String body) {
        try (Transaction tx = dialogs.begin()) {
            ConversationHandle h = dialogs.beginDialog(tx, BeginDialog.from("Client").to(to).onContract(contract));
            dialogs.send(tx, h, type, body == null ? null : bytes(body));
            tx.commit();
            return h;
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

    private List<ViewRows> state() {
        return List.of(aw.view("queue_messages"), aw.view("conversation_endpoints"), aw.view("transmission_queue"),
                aw.view("conversation_groups"));
    }

    @Test
    void t1ALocalSendIsInTheTargetQueueAtCommitAndNotInTheTransmissionQueue() {
        ConversationHandle h = beginAndSend("Tgt", "DEFAULT", "DEFAULT", "\u0001");

        assertThat(aw.view("transmission_queue").rows()).isEmpty();
        List<ReceivedMessage> got = receiveAll("TgtQ");
        assertThat(got).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(1);
            assertThat(m.messageSequenceNumber()).isZero();
            assertThat(m.body()).containsExactly(1);
            assertThat(m.serviceName()).isEqualTo("Tgt");
            assertThat(m.messageTypeName()).isEqualTo("DEFAULT");
            assertThat(m.conversationHandle()).isNotEqualTo(h);
        });
        assertThat(aw.view("conversation_endpoints").rows()).extracting(r -> r.get(8))
                .containsExactlyInAnyOrder("CONVERSING", "CONVERSING");
        assertThat(aw.view("conversation_endpoints").rows()).allSatisfy(
                r -> assertThat(r.get(10)).isEqualTo(aw.brokerInstanceId().toString()));
    }

    @Test
    void r_conv_40_messagesOfADialogArriveOnceAndInOrderAcrossTransactions() {
        ConversationHandle h;
        try (Transaction tx = dialogs.begin()) {
            h = dialogs.beginDialog(tx, BeginDialog.from("Client").to("Tgt"));
            tx.commit();
        }
        for (int batch = 0; batch < 5; batch++) {
            try (Transaction tx = dialogs.begin()) {
                for (int i = 0; i < 10; i++) {
                    dialogs.send(tx, h, bytes("m" + (batch * 10 + i)));
                }
                tx.commit();
            }
        }
        List<ReceivedMessage> got = receiveAll("TgtQ");
        assertThat(got).extracting(ReceivedMessage::messageSequenceNumber)
                .containsExactlyElementsOf(LongStream.range(0, 50).boxed().toList());
        assertThat(got).extracting(m -> new String(m.body(), StandardCharsets.UTF_8)).first().isEqualTo("m0");
        assertThat(receiveAll("TgtQ")).isEmpty();
    }

    @Test
    void r_conv_28_rollbackUndoesSendAndReceive() {
        try (Transaction tx = dialogs.begin()) {
            ConversationHandle h = dialogs.beginDialog(tx, BeginDialog.from("Client").to("Tgt"));
            dialogs.send(tx, h, bytes("x"));
            tx.rollback();
        }
        assertThat(aw.view("conversation_endpoints").rows()).isEmpty();
        assertThat(aw.view("queue_messages").rows()).isEmpty();

        beginAndSend("Tgt", "DEFAULT", "DEFAULT", "kept");
        try (Transaction tx = dialogs.begin()) {
            assertThat(dialogs.receive(tx, Receive.from("TgtQ"))).hasSize(1);
            tx.rollback();
        }
        assertThat(receiveAll("TgtQ")).extracting(m -> new String(m.body(), StandardCharsets.UTF_8)).containsExactly("kept");
    }

    @Test
    void r_conv_26_concurrentReceiversTakeDifferentGroupsWithoutWaiting() throws Exception {
        beginAndSend("Tgt", "DEFAULT", "DEFAULT", "a");
        beginAndSend("Tgt", "DEFAULT", "DEFAULT", "b");
        try (Transaction first = dialogs.begin(); Transaction second = dialogs.begin()) {
            List<ReceivedMessage> one = dialogs.receive(first, Receive.from("TgtQ"));
            List<ReceivedMessage> two = CompletableFuture.supplyAsync(() -> dialogs.receive(second, Receive.from("TgtQ")))
                    .get(20, TimeUnit.SECONDS);
            assertThat(one).hasSize(1);
            assertThat(two).hasSize(1);
            assertThat(one.get(0).conversationGroupId()).isNotEqualTo(two.get(0).conversationGroupId());
            List<ReceivedMessage> nothing = CompletableFuture.supplyAsync(() -> dialogs.receive(second, Receive.from("TgtQ")))
                    .get(20, TimeUnit.SECONDS);
            assertThat(nothing).isEmpty();
            first.rollback();
            assertThat(dialogs.receive(second, Receive.from("TgtQ")))
                    .extracting(ReceivedMessage::conversationGroupId).containsOnly(one.get(0).conversationGroupId());
            second.commit();
        }
    }

    @Test
    void r_conv_37_aMessageArrivingInALockedGroupWaitsForTheLockHolder() throws Exception {
        ConversationHandle h = beginAndSend("Tgt", "DEFAULT", "DEFAULT", "first");
        try (Transaction holder = dialogs.begin(); Transaction other = dialogs.begin()) {
            List<ReceivedMessage> held = dialogs.receive(holder, Receive.from("TgtQ"));
            assertThat(held).hasSize(1);
            try (Transaction tx = dialogs.begin()) {
                dialogs.send(tx, h, bytes("second"));
                tx.commit();
            }
            assertThat(CompletableFuture.supplyAsync(() -> dialogs.receive(other, Receive.from("TgtQ")))
                    .get(20, TimeUnit.SECONDS)).isEmpty();
            assertThat(dialogs.receive(holder, Receive.from("TgtQ")))
                    .extracting(m -> new String(m.body(), StandardCharsets.UTF_8)).containsExactly("second");
            holder.commit();
            other.commit();
        }
    }

    @Test
    void r_conv_27_waitingReceiverIsWokenByTheCommit() throws Exception {
        CompletableFuture<List<ReceivedMessage>> waiting = CompletableFuture.supplyAsync(() -> {
            try (Transaction tx = dialogs.begin()) {
                List<ReceivedMessage> got = dialogs.receive(tx, Receive.from("TgtQ").waitFor(Duration.ofSeconds(60)));
                tx.commit();
                return got;
            }
        });
        Thread.sleep(200);
        assertThat(waiting).isNotDone();
        beginAndSend("Tgt", "DEFAULT", "DEFAULT", "wake");
        assertThat(waiting.get(60, TimeUnit.SECONDS)).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo(bytes("wake")));
    }

    @Test
    void r_conv_18_endSendsEndDialogAfterTheDataAndTheTargetEndsToo() {
        ConversationHandle h = beginAndSend("Tgt", "//OrderContract", "//Order", "<order/>");
        try (Transaction tx = dialogs.begin()) {
            dialogs.end(tx, h);
            tx.commit();
        }
        List<ReceivedMessage> got = receiveAll("TgtQ");
        assertThat(got).extracting(ReceivedMessage::messageTypeName).containsExactly("//Order", SystemObjects.END_DIALOG);
        ConversationHandle target = got.get(0).conversationHandle();
        assertThat(aw.view("conversation_endpoints").rows()).singleElement()
                .satisfies(r -> assertThat(r.get(8)).isEqualTo("DISCONNECTED_INBOUND"));
        try (Transaction tx = dialogs.begin()) {
            assertThatThrownBy(() -> dialogs.send(tx, target, "//Reply", bytes("{}")))
                    .isInstanceOf(DialogException.class).hasMessageContaining("state DI")
                    .extracting(e -> ((DialogException) e).errorNumber()).isEqualTo(8429);
            dialogs.end(tx, target);
            tx.commit();
        }
        assertThat(aw.view("conversation_endpoints").rows()).singleElement()
                .satisfies(r -> assertThat(r.get(8)).isEqualTo("CLOSED"));
        assertThat(aw.view("transmission_queue").rows()).isEmpty();
    }

    @Test
    void r_conv_19_and_r_conv_30_endWithErrorSendsTheErrorWhichIsReceivedFirst() {
        ConversationHandle h = beginAndSend("Tgt", "//OrderContract", "//Order", "<a/>");
        try (Transaction tx = dialogs.begin()) {
            dialogs.send(tx, h, "//Order", bytes("<b/>"));
            dialogs.endWithError(tx, h, 42, "bad <order>");
            tx.commit();
        }
        List<ReceivedMessage> got = receiveAll("TgtQ");
        assertThat(got).extracting(ReceivedMessage::messageTypeName)
                .containsExactly(SystemObjects.ERROR, "//Order", "//Order");
        assertThat(new String(got.get(0).body(), StandardCharsets.UTF_8)).isEqualTo(
                "<?xml version=\"1.0\"?><Error xmlns=\"http://schemas.microsoft.com/SQL/ServiceBroker/Error\">"
                        + "<Code>42</Code><Description>bad &lt;order&gt;</Description></Error>");
        assertThat(aw.view("conversation_endpoints").rows()).singleElement()
                .satisfies(r -> assertThat(r.get(8)).isEqualTo("ERROR"));
    }

    @Test
    void r_obj_26_aTargetThatDoesNotAcceptTheContractErrorsTheInitiator() {
        ConversationHandle h = beginAndSend("OnlyDefault", "//OrderContract", "//Order", "<a/>");
        List<ReceivedMessage> got = receiveAll("ClientQ");
        assertThat(got).singleElement().satisfies(m -> {
            assertThat(m.conversationHandle()).isEqualTo(h);
            assertThat(m.isError()).isTrue();
            assertThat(new String(m.body(), StandardCharsets.UTF_8)).contains("<Code>-8408</Code>");
        });
        assertThat(receiveAll("TgtQ")).isEmpty();
    }

    @Test
    void r_route_18_aServiceFoundNowhereWaitsInTheTransmissionQueue() {
        beginAndSend("Nope", "DEFAULT", "DEFAULT", "x");
        assertThat(aw.view("transmission_queue").rows()).singleElement().satisfies(r -> {
            assertThat(r.get(1)).isEqualTo("Nope");
            assertThat(r.get(11)).isEqualTo("The target service name could not be found. Ensure that the service name is"
                    + " specified correctly and/or the routing information has been supplied.");
        });
    }

    @Test
    void r_obj_19_aDisabledTargetQueueKeepsTheMessageAtTheSender() {
        aw.execute("ALTER QUEUE TgtQ WITH STATUS = OFF;");
        beginAndSend("Tgt", "DEFAULT", "DEFAULT", "x");
        assertThat(aw.view("transmission_queue").rows()).singleElement()
                .satisfies(r -> assertThat(r.get(11)).isEqualTo("Target queue is disabled."));
        try (Transaction tx = dialogs.begin()) {
            assertThatThrownBy(() -> dialogs.receive(tx, Receive.from("TgtQ")))
                    .isInstanceOf(DialogException.class).hasMessageContaining("'TgtQ' is currently disabled")
                    .extracting(e -> ((DialogException) e).errorNumber()).isEqualTo(9617);
        }
    }

    @Test
    void r_obj_23_retentionKeepsReceivedAndSentMessagesUntilTheEnd() {
        aw.execute("ALTER QUEUE TgtQ WITH RETENTION = ON; ALTER QUEUE ClientQ WITH RETENTION = ON;");
        ConversationHandle h = beginAndSend("Tgt", "DEFAULT", "DEFAULT", "x");
        assertThat(receiveAll("TgtQ")).hasSize(1);
        assertThat(receiveAll("TgtQ")).isEmpty();
        assertThat(aw.view("queue_messages").rows()).extracting(r -> r.get(0) + "/" + r.get(1))
                .containsExactlyInAnyOrder("ClientQ/3", "TgtQ/0");
        try (Transaction tx = dialogs.begin()) {
            dialogs.end(tx, h);
            tx.commit();
        }
        assertThat(aw.view("queue_messages").rows()).extracting(r -> r.get(0) + "/" + r.get(1))
                .containsExactlyInAnyOrder("TgtQ/0", "TgtQ/1");
    }

    @Test
    void r_conv_32_relatedConversationSharesTheGroup() {
        try (Transaction tx = dialogs.begin()) {
            ConversationHandle first = dialogs.beginDialog(tx, BeginDialog.from("Client").to("Tgt"));
            ConversationHandle second = dialogs.beginDialog(tx, BeginDialog.from("Client").to("Tgt").relatedConversation(first));
            ConversationGroupId chosen = ConversationGroupId.random();
            ConversationHandle third = dialogs.beginDialog(tx, BeginDialog.from("Client").to("Tgt").relatedGroup(chosen));
            tx.commit();
            List<List<String>> rows = aw.view("conversation_endpoints").rows();
            String groupOf1 = rows.stream().filter(r -> r.get(0).equals(first.toString())).findFirst().orElseThrow().get(4);
            String groupOf2 = rows.stream().filter(r -> r.get(0).equals(second.toString())).findFirst().orElseThrow().get(4);
            String groupOf3 = rows.stream().filter(r -> r.get(0).equals(third.toString())).findFirst().orElseThrow().get(4);
            assertThat(groupOf2).isEqualTo(groupOf1);
            assertThat(groupOf3).isEqualTo(chosen.toString());
        }
    }

    @Test
    void r_conv_29_getConversationGroupLocksTheNextFreeGroup() {
        beginAndSend("Tgt", "DEFAULT", "DEFAULT", "a");
        beginAndSend("Tgt", "DEFAULT", "DEFAULT", "b");
        try (Transaction first = dialogs.begin(); Transaction second = dialogs.begin(); Transaction third = dialogs.begin()) {
            ConversationGroupId one = dialogs.getConversationGroup(first, "TgtQ", Duration.ZERO).orElseThrow();
            ConversationGroupId two = dialogs.getConversationGroup(second, "TgtQ", Duration.ZERO).orElseThrow();
            assertThat(two).isNotEqualTo(one);
            assertThat(dialogs.getConversationGroup(third, "TgtQ", Duration.ofMillis(50))).isEmpty();
            assertThat(dialogs.receive(first, Receive.from("TgtQ").group(one)))
                    .singleElement().satisfies(m -> assertThat(m.conversationGroupId()).isEqualTo(one));
            first.commit();
            second.commit();
        }
    }

    @Test
    void r_conv_34_moveConversationJoinsAnotherGroupOfTheSameQueue() {
        beginAndSend("Tgt", "DEFAULT", "DEFAULT", "a");
        beginAndSend("Tgt", "DEFAULT", "DEFAULT", "b");
        ConversationHandle x;
        ConversationHandle y;
        ConversationGroupId xGroup;
        try (Transaction tx = dialogs.begin()) {
            ReceivedMessage first = dialogs.receive(tx, Receive.from("TgtQ")).get(0);
            ReceivedMessage second = dialogs.receive(tx, Receive.from("TgtQ")).get(0);
            tx.rollback();
            x = first.conversationHandle();
            y = second.conversationHandle();
            xGroup = first.conversationGroupId();
        }
        try (Transaction tx = dialogs.begin()) {
            dialogs.moveConversation(tx, y, xGroup);
            tx.commit();
        }
        try (Transaction tx = dialogs.begin()) {
            assertThat(dialogs.receive(tx, Receive.from("TgtQ"))).extracting(ReceivedMessage::conversationHandle)
                    .containsExactlyInAnyOrder(x, y);
            tx.commit();
        }
        ConversationGroupId clientGroup;
        try (Transaction tx = dialogs.begin()) {
            ConversationHandle onClient = dialogs.beginDialog(tx, BeginDialog.from("Client").to("Tgt"));
            tx.commit();
            clientGroup = ConversationGroupId.parse(aw.view("conversation_endpoints").rows().stream()
                    .filter(r -> r.get(0).equals(onClient.toString())).findFirst().orElseThrow().get(4));
        }
        expectRefused(8438, tx -> dialogs.moveConversation(tx, x, clientGroup));
        expectRefused(8436, tx -> dialogs.moveConversation(tx, x, ConversationGroupId.random()));
    }

    @Test
    void r_obj_22_eachQueueReadsAsAViewWithServiceBrokersColumns() throws Exception {
        beginAndSend("Tgt", "DEFAULT", "DEFAULT", "visible");
        try (Transaction tx = dialogs.begin();
             java.sql.Statement st = tx.connection().createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT * FROM DBO.\"TgtQ\"")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("SERVICE_NAME")).isEqualTo("Tgt");
            assertThat(rs.getLong("MESSAGE_SEQUENCE_NUMBER")).isZero();
            assertThat(rs.getBytes("MESSAGE_BODY")).isEqualTo(bytes("visible"));
            assertThat(rs.next()).isFalse();
        }
        aw.execute("CREATE QUEUE [Odd \"name\"'s queue]; DROP QUEUE [Odd \"name\"'s queue];");
    }

    @Test
    void alterServiceOnQueueTakesItsMessagesAlong() {
        beginAndSend("Tgt", "DEFAULT", "DEFAULT", "moved");
        aw.execute("CREATE QUEUE NewQ; ALTER SERVICE Tgt ON QUEUE NewQ;");
        assertThat(receiveAll("TgtQ")).isEmpty();
        assertThat(receiveAll("NewQ")).extracting(m -> new String(m.body(), StandardCharsets.UTF_8)).containsExactly("moved");
    }

    @Test
    void badInputIsRefusedByNumberAndStoresNothing() {
        ConversationHandle h = beginAndSend("Tgt", "//OrderContract", "//Order", "<a/>");
        List<ViewRows> before = state();
        expectRefused(8426, tx -> dialogs.send(tx, ConversationHandle.random(), bytes("x")));
        expectRefused(8431, tx -> dialogs.send(tx, h, "//Unknown", null));
        expectRefused(8431, tx -> dialogs.send(tx, h, "DEFAULT", null));
        expectRefused(8432, tx -> dialogs.send(tx, h, "//Reply", bytes("{}")));
        expectRefused(8430, tx -> dialogs.send(tx, h, "//Order", bytes("<not closed")));
        expectRefused(8430, tx -> dialogs.send(tx, h, "//Ping", bytes("not empty")));
        expectRefused(8431, tx -> dialogs.send(tx, h, SystemObjects.END_DIALOG, null));
        expectRefused(8425, tx -> dialogs.beginDialog(tx, BeginDialog.from("Client").to("Tgt").onContract("//Nope")));
        expectRefused(8447, tx -> dialogs.beginDialog(tx, BeginDialog.from("Nobody").to("Tgt")));
        expectRefused(8419, tx -> dialogs.endWithError(tx, h, -5, "reserved for the broker"));
        expectRefused(208, tx -> dialogs.receive(tx, Receive.from("NoSuchQueue")));
        assertThat(state()).isEqualTo(before);

        ConversationHandle target = receiveAll("TgtQ").get(0).conversationHandle();
        before = state();
        expectRefused(8434, tx -> dialogs.send(tx, target, "//Order", bytes("<a/>")));
        expectRefused(8430, tx -> dialogs.send(tx, target, "//Reply", bytes("{\"open\": ")));
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aValidReplyGoesBackOnTheSameDialog() {
        ConversationHandle h = beginAndSend("Tgt", "//OrderContract", "//Order", "<a/>");
        ConversationHandle target = receiveAll("TgtQ").get(0).conversationHandle();
        try (Transaction tx = dialogs.begin()) {
            dialogs.send(tx, target, "//Reply", bytes("{\"ok\": [1, 2.5e3, true, null, \"\\u00e9\"]}"));
            tx.commit();
        }
        assertThat(receiveAll("ClientQ")).singleElement().satisfies(m -> {
            assertThat(m.conversationHandle()).isEqualTo(h);
            assertThat(m.messageTypeName()).isEqualTo("//Reply");
            assertThat(m.messageSequenceNumber()).isZero();
        });
    }

    private void expectRefused(int errorNumber, Consumer<Transaction> statement) {
        try (Transaction tx = dialogs.begin()) {
            assertThatThrownBy(() -> statement.accept(tx))
                    .isInstanceOf(DialogException.class)
                    .extracting(e -> ((DialogException) e).errorNumber()).isEqualTo(errorNumber);
            tx.commit();
        }
    }
}
