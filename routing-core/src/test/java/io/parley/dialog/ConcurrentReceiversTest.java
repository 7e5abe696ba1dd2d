package io.parley.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.store.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several receivers on one queue while a sender keeps sending (§2.9, R-CONV-40): no group is ever
 * held by two receiving transactions at once, every message is received exactly once, and each
 * dialog's messages are received in sequence order, whichever receiver takes them.
 */
class ConcurrentReceiversTest {
    private static final int DIALOGS = 12;
    private static final int MESSAGES_PER_DIALOG = 20;
    private static final int RECEIVERS = 4;

    @TempDir
    Path dir;

    @Test
    void r_conv_36_groupLocksHoldAndNothingIsLostOrDoubledUnderConcurrentReceivers() throws Exception {
        try (Node node = Node.open(NodeConfig.of("i1", dir, "AW"))) {
            node.broker("AW").execute("""
                    CREATE QUEUE ClientQ;
                    CREATE QUEUE TgtQ;
                    CREATE SERVICE Client ON QUEUE ClientQ;
                    CREATE SERVICE Tgt ON QUEUE TgtQ ([DEFAULT]);
                    """);
            Dialogs dialogs = node.broker("AW").dialogs();
            Map<ConversationGroupId, String> holders = new ConcurrentHashMap<>();
            Map<ConversationHandle, Long> lastSequence = new ConcurrentHashMap<>();
            Set<String> received = ConcurrentHashMap.newKeySet();
            List<String> violations = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger duplicates = new AtomicInteger();
            int total = DIALOGS * MESSAGES_PER_DIALOG;

            ExecutorService pool = Executors.newFixedThreadPool(RECEIVERS + 1);
            Future<?> sender = pool.submit(() -> send(dialogs));
            List<Future<?>> receivers = new ArrayList<>();
            for (int r = 0; r < RECEIVERS; r++) {
                String name = "receiver-" + r;
                receivers.add(pool.submit(() -> {
                    while (received.size() < total) {
                        try (Transaction tx = dialogs.begin()) {
                            List<ReceivedMessage> batch = dialogs.receive(tx, Receive.from("TgtQ").top(3)
                                    .waitFor(Duration.ofMillis(500)));
                            for (ReceivedMessage m : batch) {
                                String other = holders.putIfAbsent(m.conversationGroupId(), name);
                                if (other != null && !other.equals(name)) {
                                    violations.add(name + " got group " + m.conversationGroupId() + " held by " + other);
                                }
                                long expected = lastSequence.getOrDefault(m.conversationHandle(), -1L) + 1;
                                if (m.messageSequenceNumber() != expected) {
                                    violations.add(name + " got sequence " + m.messageSequenceNumber() + " of "
                                            + m.conversationHandle() + ", expected " + expected);
                                }
                                lastSequence.put(m.conversationHandle(), m.messageSequenceNumber());
                                if (!received.add(new String(m.body(), StandardCharsets.UTF_8))) {
                                    duplicates.incrementAndGet();
                                }
                            }
                            // The marker goes before commit: the group is only free once the commit completes.
                            batch.forEach(m -> holders.remove(m.conversationGroupId(), name));
                            tx.commit();
                        }
                    }
                    return null;
                }));
            }
            sender.get(120, TimeUnit.SECONDS);
            for (Future<?> receiver : receivers) {
                receiver.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            assertThat(violations).isEmpty();
            assertThat(duplicates).hasValue(0);
            assertThat(received).hasSize(total);
            assertThat(lastSequence.values()).containsOnly((long) MESSAGES_PER_DIALOG - 1);
        }
    }

    private static Void send(Dialogs dialogs) {
        List<ConversationHandle> handles = new ArrayList<>();
        try (Transaction tx = dialogs.begin()) {
            for (int d = 0; d < DIALOGS; d++) {
                handles.add(dialogs.beginDialog(tx, BeginDialog.from("Client").to("Tgt")));
            }
            tx.commit();
        }
        for (int n = 0; n < MESSAGES_PER_DIALOG; n++) {
            try (Transaction tx = dialogs.begin()) {
                for (int d = 0; d < DIALOGS; d++) {
                    dialogs.send(tx, handles.get(d), ("d" + d + "-" + n).getBytes(StandardCharsets.UTF_8));
                }
                tx.commit();
            }
        }
        return null;
    }
}
