package io.parley.jms.session;

import io.parley.dialog.ConversationHandle;
import io.parley.jms.destination.TemporaryServiceDestination;
import jakarta.jms.JMSException;

/**
 * What a session needs from the connection that created it: the broker, where transactions come from, the client
 * service and contract its dialogs use, whether delivery is started, and where to report problems no caller hears of.
 */
public interface SessionOwner {

    BrokerLink broker();

    TransactionSource transactions();

    /** The service the session's dialogs begin at when a message names no reply-to service; created if missing. */
    String clientService() throws JMSException;

    /** The contract of the dialogs sessions begin. */
    String contract();

    /** Whether the connection delivers messages now. */
    boolean isStarted();

    /**
     * Waits until the connection is started, closed, or {@code deadlineNanos} (by {@link System#nanoTime()}) passes.
     *
     * @return whether it is started
     */
    boolean awaitStarted(long deadlineNanos) throws InterruptedException;

    /** Reports a problem in asynchronous delivery to the connection's ExceptionListener. */
    void report(JMSException problem);

    /** A new temporary queue of the connection. */
    TemporaryServiceDestination createTemporaryQueue() throws JMSException;

    /** Whether {@code queue} belongs to this connection and has not been deleted. */
    boolean ownsLiveTemporaryQueue(TemporaryServiceDestination queue);

    /**
     * Takes over ending a dialog that began at temporary queue {@code service} of this connection, which then ends it
     * when the queue is deleted; false when {@code service} is no temporary queue of this connection.
     */
    boolean adoptDialog(String service, ConversationHandle dialog);

    /** Counts a consumer of a temporary queue, which cannot be deleted while it has one. */
    void consumerOpened(TemporaryServiceDestination queue, boolean opened);

    /** The session has closed. */
    void sessionClosed(ParleySession session);
}
