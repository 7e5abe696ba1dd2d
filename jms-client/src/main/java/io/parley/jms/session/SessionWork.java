package io.parley.jms.session;

import io.parley.dialog.ConversationHandle;
import io.parley.store.StoreException;
import io.parley.store.Transaction;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TransactionRolledBackException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The engine transaction behind a session's work, per acknowledge mode. A transacted session does all its sends and
 * receives in one transaction until commit or rollback. The other modes keep a transaction for receiving only:
 * AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE commit it after each delivery, CLIENT_ACKNOWLEDGE keeps it until
 * {@code acknowledge()} commits it or {@code recover()} rolls it back. Their sends commit on their own, except a
 * reply on a conversation whose group the open receiving transaction holds: it joins that transaction, since the
 * group lock would keep a separate one waiting, and so is sent when the received message is acknowledged.
 */
final class SessionWork {
    private final int mode;
    private final TransactionSource source;
    private Transaction current;
    private final Set<ConversationHandle> conversations = new HashSet<>();
    private final List<Consumer<Boolean>> afterCompletion = new ArrayList<>();

    SessionWork(int mode, TransactionSource source) {
        this.mode = mode;
        this.source = source;
    }

    int mode() {
        return mode;
    }

    boolean transacted() {
        return mode == Session.SESSION_TRANSACTED;
    }

    /** The transaction to receive in, begun when there is none. */
    Transaction receiving() {
        if (current == null || !current.isActive()) {
            current = source.begin();
            conversations.clear();
        }
        return current;
    }

    /** Remembers that the current transaction received from {@code conversation}, so replies on it join it. */
    void received(ConversationHandle conversation) {
        conversations.add(conversation);
    }

    /** The transaction a send to {@code conversation} (null: to a service) must join, or null for one of its own. */
    Transaction sendingOn(ConversationHandle conversation) {
        if (transacted()) {
            return receiving();
        }
        boolean joins = conversation != null && current != null && current.isActive()
                && conversations.contains(conversation);
        return joins ? current : null;
    }

    /** Runs {@code callback} when the current transaction ends (true: committed); now with false when there is none. */
    void afterCompletion(Consumer<Boolean> callback) {
        afterCompletion.add(callback);
    }

    /** After a message was delivered: AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE acknowledge it now. */
    void delivered() throws JMSException {
        if (mode == Session.AUTO_ACKNOWLEDGE || mode == Session.DUPS_OK_ACKNOWLEDGE) {
            commit();
        }
    }

    /** After a listener threw: in the automatic modes the message goes back, to be delivered again. */
    void deliveryFailed() {
        if (mode == Session.AUTO_ACKNOWLEDGE || mode == Session.DUPS_OK_ACKNOWLEDGE) {
            rollback();
        }
    }

    void commit() throws JMSException {
        Transaction tx = current;
        current = null;
        if (tx == null || !tx.isActive()) {
            finished(true);
            return;
        }
        try {
            tx.commit();
        } catch (StoreException e) {
            finished(false);
            TransactionRolledBackException rolledBack = new TransactionRolledBackException(
                    "the commit failed and the transaction was rolled back: " + e.getMessage());
            rolledBack.initCause(e);
            throw rolledBack;
        }
        finished(true);
    }

    void rollback() {
        Transaction tx = current;
        current = null;
        try {
            if (tx != null) {
                tx.rollback();
            }
        } finally {
            finished(false);
        }
    }

    /** CLIENT_ACKNOWLEDGE: acknowledges every message the session has consumed. */
    void acknowledge() throws JMSException {
        if (mode == Session.CLIENT_ACKNOWLEDGE) {
            commit();
        }
    }

    /** Puts back every unacknowledged message: they are delivered again, marked redelivered. */
    void recover() throws JMSException {
        if (transacted()) {
            throw new IllegalStateException("recover() is for sessions that are not transacted; use rollback()");
        }
        rollback();
    }

    private void finished(boolean committed) {
        conversations.clear();
        List<Consumer<Boolean>> callbacks = List.copyOf(afterCompletion);
        afterCompletion.clear();
        callbacks.forEach(callback -> callback.accept(committed));
    }
}
