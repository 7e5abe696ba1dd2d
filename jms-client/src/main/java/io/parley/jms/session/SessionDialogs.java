package io.parley.jms.session;

import io.parley.dialog.BeginDialog;
import io.parley.dialog.ConversationHandle;
import io.parley.dialog.DialogException;
import io.parley.dialog.Dialogs;
import io.parley.store.Transaction;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The dialogs a session sends on: one per pair of services it sends from and to, kept for the session's life so
 * that its messages to a service arrive exactly once and in order (R-CONV-40), and a second one per pair for messages
 * with a delivery delay, which must not hold up the others. A dialog begun in a transaction that rolls back is
 * forgotten with it. At close the session ends its dialogs, each EndDialog following its last message; a dialog that
 * began at one of the connection's temporary queues is ended when that queue is deleted instead.
 */
final class SessionDialogs {
    private static final System.Logger LOG = System.getLogger(SessionDialogs.class.getName());

    private record Key(String from, String to, boolean delayed) {
    }

    private final SessionOwner owner;
    private final Map<Key, ConversationHandle> open = new HashMap<>();
    private final Set<ConversationHandle> adopted = new HashSet<>();

    SessionDialogs(SessionOwner owner) {
        this.owner = owner;
    }

    /** The dialog to send from {@code from} to {@code to} on, begun in {@code tx} when the session has none. */
    synchronized ConversationHandle dialog(Transaction tx, String from, String to, boolean delayed) {
        Key key = new Key(from, to, delayed);
        ConversationHandle handle = open.get(key);
        if (handle != null) {
            return handle;
        }
        Dialogs dialogs = owner.broker().dialogs();
        ConversationHandle begun = dialogs.beginDialog(tx, BeginDialog.from(from).to(to).onContract(owner.contract()));
        open.put(key, begun);
        tx.onCompletion(committed -> settle(key, begun, committed));
        return begun;
    }

    private synchronized void settle(Key key, ConversationHandle handle, boolean committed) {
        if (!committed) {
            open.remove(key, handle);
        } else if (owner.adoptDialog(key.from(), handle)) {
            adopted.add(handle);
        }
    }

    /**
     * Forgets a dialog SEND refused because it has ended or failed, and ends this side of it in {@code tx} if it
     * is still there, so the next send begins a new one.
     */
    synchronized void replace(Transaction tx, String from, String to, boolean delayed, ConversationHandle handle) {
        open.remove(new Key(from, to, delayed), handle);
        if (!adopted.remove(handle)) {
            endQuietly(tx, handle);
        }
    }

    /** Ends every dialog the session began that no temporary queue has taken over. */
    synchronized void endAll(Transaction tx) {
        for (ConversationHandle handle : open.values()) {
            if (!adopted.contains(handle)) {
                endQuietly(tx, handle);
            }
        }
        open.clear();
        adopted.clear();
    }

    private void endQuietly(Transaction tx, ConversationHandle handle) {
        try {
            owner.broker().dialogs().end(tx, handle);
        } catch (DialogException e) {
            LOG.log(Level.DEBUG, () -> "dialog " + handle + " was already ended: " + e.getMessage());
        }
    }
}
