package io.parley.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.store.Store;
import io.parley.store.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An endpoint read in order to change it stays locked until its transaction ends, so a change made
 * in between by another transaction is not overwritten. The case that lost messages: the
 * transmitter's first acknowledgement binds the dialog to the far broker (R-ROUTE-27) by rewriting
 * the sender's endpoint while a SEND on the same dialog commits; the SEND's sequence number was
 * lost, the next message got the same number, and the far broker dropped it as a duplicate
 * (R-PROTO-7).
 */
class EndpointLockingTest {
    @TempDir
    Path dir;

    @Test
    void aSendBetweenTheReadAndTheWriteOfABindingKeepsItsSequenceNumber() throws Exception {
        try (Node node = Node.open(NodeConfig.of("n1", dir, "AW"))) {
            node.broker("AW").execute("""
                    CREATE QUEUE ClientQ;
                    CREATE SERVICE Client ON QUEUE ClientQ;
                    CREATE ROUTE Elsewhere WITH SERVICE_NAME = 'Remote', ADDRESS = 'TCP://127.0.0.1:4999';
                    """);
            Store store = node.broker("AW").store();
            Dialogs dialogs = node.broker("AW").dialogs();
            ConversationHandle dialog;
            try (Transaction tx = dialogs.begin()) {
                dialog = dialogs.beginDialog(tx, BeginDialog.from("Client").to("Remote"));
                dialogs.send(tx, dialog, bytes("0"));
                tx.commit();
            }
            EndpointTable endpoints = new EndpointTable();
            UUID farBroker = UUID.randomUUID();

            try (Transaction binding = store.begin()) {
                Endpoint read = endpoints.find(binding.connection(), dialog).orElseThrow();
                CompletableFuture<Void> send = CompletableFuture.runAsync(() -> {
                    try (Transaction tx = dialogs.begin()) {
                        dialogs.send(tx, dialog, bytes("1"));
                        tx.commit();
                    }
                });
                try {
                    send.get(2, TimeUnit.SECONDS);
                } catch (TimeoutException lockedOut) {
                    // The SEND waits for the binding's lock; it goes on once the binding commits.
                }
                endpoints.update(binding.connection(), read.withFarBroker(farBroker));
                binding.commit();
                send.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new AssertionError("the SEND failed", e.getCause());
            }

            try (Transaction tx = store.begin()) {
                Endpoint after = endpoints.peek(tx.connection(), dialog).orElseThrow();
                assertThat(after.sendSequence()).as("the next sequence number after two SENDs").isEqualTo(2);
                assertThat(after.farBrokerInstance()).isEqualTo(farBroker);
                tx.commit();
            }
        }
    }

    /**
     * The first message of each new dialog arriving from another node looks for its endpoint and,
     * finding none, inserts it. Two such arrivals at once must not lock each other out: a read that
     * also locked the gap where the missing row would go (serializable range locks) made each
     * arrival's INSERT wait for the other's read, a deadlock Derby only breaks after its 20 s
     * deadlock timeout, and the victim's message was not acknowledged.
     */
    @Test
    void arrivalsOfTwoNewDialogsAtOnceDoNotLockEachOtherOut() throws Exception {
        try (Node node = Node.open(NodeConfig.of("n1", dir, "AW"))) {
            Store store = node.broker("AW").store();
            EndpointTable endpoints = new EndpointTable();
            Endpoint first = newTarget();
            Endpoint second = newTarget();
            try (Transaction one = store.begin(); Transaction two = store.begin()) {
                assertThat(endpoints.find(one.connection(), first.conversationId(), false)).isEmpty();
                assertThat(endpoints.find(two.connection(), second.conversationId(), false)).isEmpty();
                CompletableFuture<Void> firstInsert = CompletableFuture.runAsync(() -> {
                    try {
                        endpoints.insert(one.connection(), first);
                    } catch (SQLException e) {
                        throw new CompletionException(e);
                    }
                });
                endpoints.insert(two.connection(), second);
                firstInsert.get(10, TimeUnit.SECONDS);
                one.commit();
                two.commit();
            }
            try (Transaction tx = store.begin()) {
                assertThat(endpoints.peek(tx.connection(), first.handle())).isPresent();
                assertThat(endpoints.peek(tx.connection(), second.handle())).isPresent();
                tx.commit();
            }
        }
    }

    private static Endpoint newTarget() {
        return new Endpoint(ConversationHandle.random(), UUID.randomUUID(), false, ConversationGroupId.random(), "Tgt",
                "DEFAULT", "Client", UUID.randomUUID(), null, ConversationState.STARTED_INBOUND,
                Instant.now().plusSeconds(3600), null, 0, 1, null, 5);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
