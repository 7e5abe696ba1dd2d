package io.parley.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.store.Store;
import io.parley.store.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
