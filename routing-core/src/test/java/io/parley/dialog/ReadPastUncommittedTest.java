package io.parley.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.store.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RECEIVE reads past messages that another transaction has sent and not yet committed, as Service
 * Broker's RECEIVE does, instead of waiting on their row locks: a receiver gets what is committed
 * at once, and the rest once (and only if) its sender commits.
 */
class ReadPastUncommittedTest {
    @TempDir
    Path dir;

    @Test
    void aReceiverTakesTheCommittedMessagesOfAGroupWhileALaterSendIsUncommitted() {
        try (Node node = Node.open(NodeConfig.of("n1", dir, "AW"))) {
            node.broker("AW").execute("""
                    CREATE QUEUE ClientQ;
                    CREATE QUEUE TgtQ;
                    CREATE SERVICE Client ON QUEUE ClientQ;
                    CREATE SERVICE Tgt ON QUEUE TgtQ ([DEFAULT]);
                    """);
            Dialogs dialogs = node.broker("AW").dialogs();
            ConversationHandle dialog;
            try (Transaction tx = dialogs.begin()) {
                dialog = dialogs.beginDialog(tx, BeginDialog.from("Client").to("Tgt"));
                dialogs.send(tx, dialog, utf8("first"));
                tx.commit();
            }

            try (Transaction sender = dialogs.begin()) {
                dialogs.send(sender, dialog, utf8("second"));

                assertThat(receive(dialogs)).containsExactly("first");
                assertThat(receive(dialogs)).as("the uncommitted message is not received").isEmpty();

                sender.commit();
            }
            assertThat(receive(dialogs)).containsExactly("second");

            try (Transaction sender = dialogs.begin()) {
                dialogs.send(sender, dialog, utf8("rolled back"));
                assertThat(receive(dialogs)).isEmpty();
                sender.rollback();
            }
            try (Transaction tx = dialogs.begin()) {
                dialogs.send(tx, dialog, utf8("third"));
                tx.commit();
            }
            assertThat(receive(dialogs)).containsExactly("third");
        }
    }

    private static List<String> receive(Dialogs dialogs) {
        try (Transaction tx = dialogs.begin()) {
            List<String> bodies = dialogs.receive(tx, Receive.from("TgtQ").top(10)).stream()
                    .map(m -> new String(m.body(), StandardCharsets.UTF_8)).toList();
            tx.commit();
            return bodies;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
