package io.parley.delivery;

import io.parley.Node;
import io.parley.NodeConfig;
import io.parley.dialog.BeginDialog;
import io.parley.dialog.ConversationHandle;
import io.parley.dialog.Dialogs;
import io.parley.store.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A child process for the crash test: sends on three dialogs from broker AW to service Svc of broker
 * DB2, one commit per message, and prints "COMMITTED dialog-n" after each commit, until it is killed.
 */
public final class CrashingSender {
    private CrashingSender() {
    }

    public static void main(String[] args) {
        Node node = Node.open(NodeConfig.of("crash", Path.of(args[0]), "AW", "DB2"));
        Dialogs dialogs = node.broker("AW").dialogs();
        ConversationHandle[] handles = new ConversationHandle[3];
        try (Transaction tx = dialogs.begin()) {
            for (int d = 0; d < handles.length; d++) {
                handles[d] = dialogs.beginDialog(tx, BeginDialog.from("Client").to("Svc"));
            }
            tx.commit();
        }
        for (long n = 0; ; n++) {
            for (int d = 0; d < handles.length; d++) {
                String id = "d" + d + "-" + n;
                try (Transaction tx = dialogs.begin()) {
                    dialogs.send(tx, handles[d], id.getBytes(StandardCharsets.UTF_8));
                    tx.commit();
                }
                System.out.println("COMMITTED " + id);
                System.out.flush();
            }
        }
    }
}
