package io.parley.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.Broker;
import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.catalog.SystemObjects;
import io.parley.store.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conversation timers and dialog lifetimes (§2.3, §2.4) on real Derby and the real clock. */
class TimersAndLifetimeTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Node node;
    private Dialogs dialogs;

    @BeforeEach
    void setUp() {
        openNode();
        node.broker("AW").execute("""
                CREATE QUEUE ClientQ;
                CREATE QUEUE TgtQ;
                CREATE SERVICE Client ON QUEUE ClientQ;
                CREATE SERVICE Tgt ON QUEUE TgtQ ([DEFAULT]);
                """);
    }

    private void openNode() {
        node = Node.open(NodeConfig.of("i1", dir, "AW"));
        dialogs = node.broker("AW").dialogs();
    }

    @AfterEach
    void tearDown() {
        node.close();
    }

    private ConversationHandle begin(Duration lifetime, String body) {
        try (Transaction tx = dialogs.begin()) {
            ConversationHandle h = dialogs.beginDialog(tx, BeginDialog.from("Client").to("Tgt").lifetime(lifetime));
            dialogs.send(tx, h, body.getBytes(StandardCharsets.UTF_8));
            tx.commit();
            return h;
        }
    }

    private List<ReceivedMessage> receive(String queue, Duration wait) {
        try (Transaction tx = dialogs.begin()) {
            List<ReceivedMessage> got = dialogs.receive(tx, Receive.from(queue).waitFor(wait));
            tx.commit();
            return got;
        }
    }

    private void setTimer(ConversationHandle h, Duration timeout) {
        try (Transaction tx = dialogs.begin()) {
            dialogs.beginConversationTimer(tx, h, timeout);
            tx.commit();
        }
    }

    @Test
    void r_conv_15_aTimerPutsADialogTimerOnTheQueueOfTheSideThatSetIt() {
        ConversationHandle h = begin(BeginDialog.MAX_LIFETIME, "x");
        setTimer(h, Duration.ofMillis(500));
        List<ReceivedMessage> got = receive("ClientQ", PATIENCE);
        assertThat(got).singleElement().satisfies(m -> {
            assertThat(m.isDialogTimer()).isTrue();
            assertThat(m.conversationHandle()).isEqualTo(h);
            assertThat(m.body()).isNull();
        });
        assertThat(receive("TgtQ", Duration.ZERO)).extracting(ReceivedMessage::messageTypeName).containsExactly("DEFAULT");
        assertThat(node.broker("AW").view("conversation_endpoints").rows())
                .allSatisfy(r -> assertThat(r.get(13)).isNull());
    }

    @Test
    void r_conv_30_aDialogTimerIsReceivedBeforeTheDialogsOtherMessages() throws Exception {
        ConversationHandle h = begin(BeginDialog.MAX_LIFETIME, "first");
        ConversationHandle target;
        try (Transaction tx = dialogs.begin()) {
            target = dialogs.receive(tx, Receive.from("TgtQ")).get(0).conversationHandle();
            tx.rollback();
        }
        try (Transaction tx = dialogs.begin()) {
            dialogs.send(tx, h, "second".getBytes(StandardCharsets.UTF_8));
            tx.commit();
        }
        setTimer(target, Duration.ofMillis(300));
        awaitQueued(SystemObjects.DIALOG_TIMER);
        assertThat(receive("TgtQ", Duration.ZERO)).extracting(ReceivedMessage::messageTypeName)
                .containsExactly(SystemObjects.DIALOG_TIMER, "DEFAULT", "DEFAULT");
    }

    @Test
    void r_conv_14_aTimerMayNotOutliveTheDialogAndALaterCallReplacesIt() {
        ConversationHandle h = begin(Duration.ofSeconds(60), "x");
        try (Transaction tx = dialogs.begin()) {
            assertThatThrownBy(() -> dialogs.beginConversationTimer(tx, h, Duration.ofSeconds(120)))
                    .isInstanceOf(DialogException.class)
                    .extracting(e -> ((DialogException) e).errorNumber()).isEqualTo(8410);
        }
        setTimer(h, Duration.ofSeconds(50));
        setTimer(h, Duration.ZERO);
        assertThat(node.broker("AW").view("conversation_endpoints").rows())
                .allSatisfy(r -> assertThat(r.get(13)).isNull());
    }

    @Test
    void r_conv_12_anExpiredDialogGetsError8489OnBothSidesAndRefusesSend() {
        ConversationHandle h = begin(Duration.ofSeconds(2), "x");
        List<ReceivedMessage> initiatorSide = receive("ClientQ", PATIENCE);
        assertThat(initiatorSide).singleElement().satisfies(m -> {
            assertThat(m.isError()).isTrue();
            assertThat(new String(m.body(), StandardCharsets.UTF_8)).contains("<Code>-8489</Code>");
        });
        List<ReceivedMessage> targetSide = receive("TgtQ", PATIENCE);
        assertThat(targetSide).extracting(ReceivedMessage::messageTypeName)
                .containsExactly(SystemObjects.ERROR, "DEFAULT");
        assertThat(node.broker("AW").view("conversation_endpoints").rows()).extracting(r -> r.get(8))
                .containsOnly("ERROR");
        try (Transaction tx = dialogs.begin()) {
            assertThatThrownBy(() -> dialogs.send(tx, h, null))
                    .isInstanceOf(DialogException.class)
                    .extracting(e -> ((DialogException) e).errorNumber()).isEqualTo(8429);
        }
    }

    @Test
    void timersAreDurableAndFireAfterARestart() throws Exception {
        ConversationHandle h = begin(BeginDialog.MAX_LIFETIME, "x");
        setTimer(h, Duration.ofSeconds(1));
        node.close();
        Thread.sleep(1500);
        openNode();
        assertThat(receive("ClientQ", PATIENCE)).singleElement()
                .satisfies(m -> assertThat(m.isDialogTimer()).isTrue());
    }

    /** Waits until a message of {@code messageType} is queued, without receiving it. */
    private void awaitQueued(String messageType) throws InterruptedException {
        Broker aw = node.broker("AW");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (aw.view("queue_messages").rows().stream().noneMatch(r -> r.get(11).equals(messageType))) {
            assertThat(System.nanoTime()).as("a " + messageType + " message within " + PATIENCE).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
