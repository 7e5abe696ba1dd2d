package io.parley.bench;

import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.dialog.BeginDialog;
import io.parley.dialog.ConversationHandle;
import io.parley.dialog.Dialogs;
import io.parley.dialog.Receive;
import io.parley.dialog.ReceivedMessage;
import io.parley.store.Transaction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Parley under test: a node with one broker on embedded Derby, a sending service and a target
 * service in that broker. Each sender session sends on a dialog of its own, begun with its first
 * message, so its messages arrive exactly once and in order; each receiver session takes one
 * message per RECEIVE TOP (1), holding the conversation group until it commits, as a JMS consumer
 * over Parley will. As a {@link DialogSystem} it also begins dialogs in bulk for S1, on the same two
 * services.
 */
final class ParleySystem implements DialogSystem {
    private static final String QUEUE = "BenchQueue";
    private static final String SENDING_SERVICE = "//Bench/Sender";
    private static final String TARGET_SERVICE = "//Bench/Target";

    private final Node node;
    private final Dialogs dialogs;

    private ParleySystem(Node node) {
        this.node = node;
        this.dialogs = node.broker("Bench").dialogs();
    }

    /** Creates the node and its services in {@code directory}. */
    static ParleySystem start(Path directory) {
        Node node = Node.open(NodeConfig.of("bench", directory, "Bench"));
        node.broker("Bench").execute("""
                CREATE QUEUE SenderQueue;
                CREATE QUEUE BenchQueue;
                CREATE SERVICE [//Bench/Sender] ON QUEUE SenderQueue;
                CREATE SERVICE [//Bench/Target] ON QUEUE BenchQueue ([DEFAULT]);
                """);
        return new ParleySystem(node);
    }

    @Override
    public String description() {
        return "Parley (this build) on embedded Derby, full durability: one dialog per sender, "
                + "delivered in the sending transaction; RECEIVE TOP (1) with its group lock";
    }

    @Override
    public Sender openSender() {
        return new Sender() {
            private Transaction tx;
            private ConversationHandle dialog;

            @Override
            public void send(byte[] body) {
                if (tx == null) {
                    tx = dialogs.begin();
                }
                if (dialog == null) {
                    dialog = dialogs.beginDialog(tx, BeginDialog.from(SENDING_SERVICE).to(TARGET_SERVICE));
                }
                dialogs.send(tx, dialog, body);
            }

            @Override
            public void commit() {
                if (tx != null) {
                    tx.commit();
                    tx = null;
                }
            }

            @Override
            public void close() {
                if (tx != null) {
                    tx.rollback();
                }
            }
        };
    }

    @Override
    public void beginDialogs(int count, byte[] body) {
        Transaction tx = dialogs.begin();
        try {
            for (int i = 0; i < count; i++) {
                dialogs.send(tx, dialogs.beginDialog(tx, BeginDialog.from(SENDING_SERVICE).to(TARGET_SERVICE)), body);
            }
            tx.commit();
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
        }
    }

    @Override
    public Receiver openReceiver() {
        return new Receiver() {
            private Transaction tx;

            @Override
            public Optional<byte[]> receive(Duration maxWait) {
                if (tx == null) {
                    tx = dialogs.begin();
                }
                List<ReceivedMessage> got = dialogs.receive(tx, Receive.from(QUEUE).top(1).waitFor(maxWait));
                return got.isEmpty() ? Optional.empty() : Optional.of(got.get(0).body());
            }

            @Override
            public void commit() {
                if (tx != null) {
                    tx.commit();
                    tx = null;
                }
            }

            @Override
            public void close() {
                if (tx != null) {
                    tx.rollback();
                }
            }
        };
    }

    @Override
    public void close() {
        node.close();
    }
}
