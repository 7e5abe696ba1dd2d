package io.parley.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.store.Transaction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waiting for a queue to change without RECEIVE: woken by a commit that queues a message, or by a wake. */
class QueueWaitTest {
    @TempDir
    Path dir;

    private Node node;
    private Dialogs dialogs;

    @BeforeEach
    void setUp() {
        node = Node.open(NodeConfig.of("w1", dir, "AW"));
        node.broker("AW").execute("""
                CREATE QUEUE ClientQ; CREATE QUEUE TgtQ; CREATE QUEUE OtherQ;
                CREATE SERVICE Client ON QUEUE ClientQ;
                CREATE SERVICE Tgt ON QUEUE TgtQ ([DEFAULT]);
                """);
        dialogs = node.broker("AW").dialogs();
    }

    @AfterEach
    void tearDown() {
        node.close();
    }

    @Test
    void aCommitThatQueuesAMessageEndsTheWait() throws Exception {
        Map<String, Long> seen = Map.of("OtherQ", dialogs.queueWaits().version("OtherQ"), "TgtQ", dialogs.queueWaits().version("TgtQ"));
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> await(seen));
        try (Transaction tx = dialogs.begin()) {
            ConversationHandle h = dialogs.beginDialog(tx, BeginDialog.from("Client").to("Tgt"));
            dialogs.send(tx, h, new byte[] {1});
            assertThat(waiting).isNotDone();
            tx.commit();
        }
        waiting.get(30, TimeUnit.SECONDS);
        assertThat(dialogs.queueWaits().version("TgtQ")).isGreaterThan(seen.get("TgtQ"));
    }

    @Test
    void aWakeEndsTheWaitAndMovesTheVersion() throws Exception {
        long before = dialogs.queueWaits().version("TgtQ");
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> await(Map.of("TgtQ", before)));
        dialogs.queueWaits().wake("TgtQ");
        waiting.get(30, TimeUnit.SECONDS);
        assertThat(dialogs.queueWaits().version("TgtQ")).isEqualTo(before + 1);
    }

    @Test
    void aVersionAlreadyMovedReturnsAtOnceAndTheTimeoutEndsAWaitForNothing() throws Exception {
        long before = dialogs.queueWaits().version("TgtQ");
        dialogs.queueWaits().wake("TgtQ");
        dialogs.queueWaits().awaitChange(Map.of("TgtQ", before), Duration.ofDays(1));
        dialogs.queueWaits().awaitChange(Map.of("OtherQ", dialogs.queueWaits().version("OtherQ")), Duration.ofMillis(20));
        assertThat(dialogs.queueWaits().version("OtherQ")).isZero();
    }

    private void await(Map<String, Long> seen) {
        try {
            dialogs.queueWaits().awaitChange(seen, Duration.ofDays(1));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
